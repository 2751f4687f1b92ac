package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapEntryKind;
import io.mmf4j.heap.HeapSummary;
import io.mmf4j.heap.SharedHeap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf heap NAME|FILE}: a shared heap's summary, its named blocks and, with {@code --walk}, its blocks. A
 * path of an existing file opens the persistent heap in it (repairing it first if its last writer died); anything
 * else is the name of a live shared heap of the namespace.
 */
@Command(name = "heap", mixinStandardHelpOptions = true,
        description = "Shows a shared heap (a name) or a persistent heap (a file): summary, named blocks, blocks.")
final class HeapCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Parameters(paramLabel = "NAME|FILE", description = "A shared heap's name, or a persistent heap's file.")
    String target;

    @Option(names = "--walk", description = "List every block too.")
    boolean walk;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    /** The bytes allocated in {@code o} if it is a shared heap that can be opened now. */
    static Optional<Long> used(SharedNamespace namespace, NamedObjectInfo o) {
        if (o.kind() != NamedObjectKind.SHARED_HEAP) {
            return Optional.empty();
        }
        try (SharedHeap heap = SharedHeap.openExisting(namespace, o.name())) {
            return Optional.of(heap.summary().allocated());
        } catch (IOException | RuntimeException gone) {
            return Optional.empty(); // reclaimed since the listing, or not ours to open
        }
    }

    @Override
    public Integer call() throws Exception {
        Path path = Path.of(target);
        SharedNamespace namespace = where.namespace();
        String description;
        SharedHeap opened;
        if (Files.isRegularFile(path)) {
            opened = SharedHeap.createFromFile(path, FileMode.OPEN, 0);
            description = "persistent heap " + path;
        } else {
            try {
                opened = SharedHeap.openExisting(namespace, target);
            } catch (NoSuchFileException e) {
                throw new CliException("no such file or shared heap: " + target + " (shared heaps are looked up in "
                        + namespace.directory() + ")");
            }
            description = "shared heap '" + target + "' in " + namespace.directory();
        }
        try (SharedHeap heap = opened) {
            boolean valid = heap.validate();
            HeapSummary summary = heap.summary();
            Map<String, Long> names = heap.names();
            List<HeapEntry> blocks = heap.walk();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(json(description, heap, valid, summary, names, blocks));
            } else {
                text(out, description, heap, valid, summary, names, blocks);
            }
            out.flush();
            return valid ? 0 : 1;
        }
    }

    private void text(PrintWriter out, String description, SharedHeap heap, boolean valid, HeapSummary summary,
                      Map<String, Long> names, List<HeapEntry> blocks) {
        long busy = blocks.stream().filter(e -> e.kind() == HeapEntryKind.BUSY).count();
        long free = blocks.stream().filter(e -> e.kind() == HeapEntryKind.FREE).mapToLong(HeapEntry::size).sum();
        out.println(description);
        out.printf(Locale.ROOT, "capacity %s, allocated %s in %s, free %s, %s%n", Sizes.human(heap.capacity()),
                Sizes.human(summary.allocated()), Sizes.count(busy, "busy block"), Sizes.human(free),
                valid ? "valid" : "NOT VALID");
        out.println(Sizes.count(names.size(), "named block") + (names.isEmpty() ? "" : ":"));
        for (var name : names.entrySet()) {
            out.printf(Locale.ROOT, "  %-32s handle %-12d %s%n", name.getKey(), name.getValue(),
                    Sizes.human(heap.sizeOf(name.getValue())));
        }
        if (walk) {
            out.printf(Locale.ROOT, "%-7s %14s %14s %9s%n", "KIND", "HANDLE", "SIZE", "OVERHEAD");
            for (HeapEntry e : blocks) {
                out.printf(Locale.ROOT, "%-7s %14d %14d %9d%n", e.kind().name().toLowerCase(Locale.ROOT), e.address(),
                        e.size(), e.overhead());
            }
        }
    }

    private String json(String description, SharedHeap heap, boolean valid, HeapSummary summary,
                        Map<String, Long> names, List<HeapEntry> blocks) {
        StringBuilder out = new StringBuilder("{\n  \"heap\": ").append(Json.string(description))
                .append(",\n  \"capacity\": ").append(heap.capacity())
                .append(",\n  \"allocated\": ").append(summary.allocated())
                .append(",\n  \"valid\": ").append(valid)
                .append(",\n  \"names\": [");
        int i = 0;
        for (var name : names.entrySet()) {
            out.append(i++ == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "    {\"name\": %s, \"handle\": %d, \"size\": %d}", Json.string(name.getKey()), name.getValue(),
                    heap.sizeOf(name.getValue())));
        }
        out.append(names.isEmpty() ? "]" : "\n  ]");
        if (walk) {
            out.append(",\n  \"blocks\": [");
            for (int b = 0; b < blocks.size(); b++) {
                HeapEntry e = blocks.get(b);
                out.append(b == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                        "    {\"kind\": %s, \"handle\": %d, \"size\": %d, \"overhead\": %d}",
                        Json.string(e.kind().name().toLowerCase(Locale.ROOT)), e.address(), e.size(), e.overhead()));
            }
            out.append(blocks.isEmpty() ? "]" : "\n  ]");
        }
        return out.append("\n}\n").toString();
    }
}
