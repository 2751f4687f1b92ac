package io.mmf4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mmf} command: the entry point that picocli dispatches to the subcommands. */
@Command(name = "mmf", mixinStandardHelpOptions = true, version = "mmf 0.1.0",
        description = "Memory-mapped files, shared memory and virtual memory for the JVM: demos and tools.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class Mmf {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@link #main} and for tests. */
    static CommandLine commandLine() {
        return new CommandLine(new Mmf());
    }
}
