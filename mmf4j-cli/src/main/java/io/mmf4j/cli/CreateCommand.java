package io.mmf4j.cli;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.SharedNamespace;
import java.io.PrintWriter;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf create NAME SIZE}: creates a named map and holds it. A non-persisted map lives only while some
 * process holds it — as on Windows — so the command keeps it until its stdin closes (Ctrl-D), it is
 * interrupted (Ctrl-C), or {@code --seconds} pass; meanwhile other processes ({@code mmf dump NAME}, your
 * program) open it by name. When they have all let go too, the name and the memory are reclaimed.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Creates a named map of SIZE bytes (zero-filled) and holds it.",
                "It holds the map until stdin closes (Ctrl-D), Ctrl-C, or --seconds pass: a named map lives while"
                        + " some process holds it."})
final class CreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Parameters(index = "0", paramLabel = "NAME", description = "The map's name: any non-empty string.")
    String name;

    @Parameters(index = "1", paramLabel = "SIZE", converter = Sizes.Size.class,
            description = "Its capacity in bytes (4096, 64K, 1M, 2G...).")
    long size;

    @Option(names = "--seconds", paramLabel = "N", description = "Hold the map for N seconds, then exit.")
    Long seconds;

    @Option(names = "--delay-allocate", description = "Do not reserve the memory now (DELAY_ALLOCATE_PAGES).")
    boolean delayAllocate;

    @Option(names = "--mode", paramLabel = "PERMS", defaultValue = "rw-------",
            description = "With --global: who may open it, as rw-rw-r-- (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--json", description = "Print JSON lines: the map created, then its release.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SharedNamespace namespace;
        try {
            namespace = where.namespace(PosixFilePermissions.fromString(mode));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "'" + mode + "' is not a permission string like rw-rw-r--");
        }
        MemoryMappedFileOptions[] options = delayAllocate
                ? new MemoryMappedFileOptions[] {MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES}
                : new MemoryMappedFileOptions[0];
        PrintWriter out = spec.commandLine().getOut();
        MemoryMappedFile created;
        try {
            created = MemoryMappedFile.createNew(namespace, name, size, MemoryMappedFileAccess.READ_WRITE, options);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new CliException("a named object '" + name + "' already exists in " + namespace.directory());
        }
        try (MemoryMappedFile map = created) {
            if (json) {
                out.printf("{\"created\": %s, \"capacity\": %d, \"namespace\": %s, \"holdingSeconds\": %s}%n",
                        Json.string(name), map.capacity(), Json.string(namespace.directory().toString()),
                        seconds == null ? "null" : seconds.toString());
            } else {
                out.printf("created map '%s' (%s) in %s%n", name, Sizes.human(map.capacity()), namespace.directory());
                out.println(seconds == null
                        ? "holding it until stdin closes (Ctrl-D) or Ctrl-C; it goes away when its last holder lets go"
                        : "holding it for " + seconds + " s; it goes away when its last holder lets go");
            }
            out.flush();
            if (seconds == null) {
                System.in.transferTo(java.io.OutputStream.nullOutputStream());
            } else {
                Thread.sleep(seconds * 1000);
            }
        }
        out.println(json ? "{\"released\": " + Json.string(name) + "}" : "released map '" + name + "'");
        out.flush();
        return 0;
    }
}
