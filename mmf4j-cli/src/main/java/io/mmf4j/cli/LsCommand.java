package io.mmf4j.cli;

import io.mmf4j.NamedObjectInfo;
import io.mmf4j.SharedNamespace;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmf ls}: the live named objects of a namespace — maps and sync objects — with kind, capacity, holders
 * and creator, through {@link SharedNamespace#list()} (which reclaims dead ones first).
 */
@Command(name = "ls", mixinStandardHelpOptions = true,
        description = "Lists the named maps (and shared heaps with their used bytes, named mutexes, semaphores, events) of a namespace.")
final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Option(names = "--json", description = "Print JSON: one object per named object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SharedNamespace namespace = where.namespace();
        List<NamedObjectInfo> objects = namespace.list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(json(namespace, objects));
        } else if (objects.isEmpty()) {
            out.println("no named objects in " + namespace.directory());
        } else {
            String row = "%-24s %-13s %10s %7s  %-22s %s%n";
            out.printf(Locale.ROOT, row, "NAME", "KIND", "CAPACITY", "HOLDERS", "CREATOR", "CREATED");
            for (NamedObjectInfo o : objects) {
                out.printf(Locale.ROOT, row.replace("%n", "%s%n"), o.name(), kind(o), Sizes.human(o.capacity()), o.holders(),
                        "pid " + o.creatorPid() + " (uid " + o.creatorUid() + ")", WHEN.format(o.created()),
                        HeapCommand.used(namespace, o).map(used -> "  used " + Sizes.human(used)).orElse(""));
            }
            out.println(objects.size() + " named object" + (objects.size() == 1 ? "" : "s") + " in " + namespace.directory());
        }
        out.flush();
        return 0;
    }

    private static String kind(NamedObjectInfo o) {
        return o.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String json(SharedNamespace namespace, List<NamedObjectInfo> objects) {
        StringBuilder out = new StringBuilder("{\n  \"namespace\": ").append(Json.string(namespace.directory().toString()))
                .append(",\n  \"objects\": [");
        for (int i = 0; i < objects.size(); i++) {
            NamedObjectInfo o = objects.get(i);
            out.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"kind\": %s, \"capacity\": %d, \"holders\": %d, \"creatorPid\": %d, "
                            + "\"creatorUid\": %d, \"created\": %s%s}", Json.string(o.name()), Json.string(kind(o)),
                    o.capacity(), o.holders(), o.creatorPid(), o.creatorUid(), Json.string(o.created().toString()),
                    HeapCommand.used(namespace, o).map(used -> ", \"used\": " + used).orElse("")));
        }
        return out.append(objects.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }
}
