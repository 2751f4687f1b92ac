package io.mmf4j.cli;

import io.mmf4j.SharedNamespace;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf rm NAME}: removes a name from a namespace through {@link SharedNamespace#remove}, as {@code unlink}
 * removes a file's: the name goes away at once (and is free for a new object), while the processes that hold the
 * object keep its memory until they close. Works for every kind of named object — map, persisted-map entry,
 * mutex, semaphore, event. A missing name, or another user's object, is a failure (exit 1).
 */
@Command(name = "rm", mixinStandardHelpOptions = true,
        description = {"Removes the name of a named object (map, mutex, semaphore, event) now.",
                "As unlink does: its holders keep its memory until they close; the name is free at once."})
final class RmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Parameters(index = "0", paramLabel = "NAME", description = "The object's name.")
    String name;

    @Option(names = "--json", description = "Print JSON: the name removed and its namespace.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SharedNamespace namespace = where.namespace();
        try {
            namespace.remove(name);
        } catch (NoSuchFileException e) {
            throw new CliException("no named object '" + name + "' in " + namespace.directory(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf("{\"removed\": %s, \"namespace\": %s}%n", Json.string(name), Json.string(namespace.directory().toString()));
        } else {
            out.printf("removed '%s' from %s; processes holding it keep its memory until they close%n", name,
                    namespace.directory());
        }
        out.flush();
        return 0;
    }
}
