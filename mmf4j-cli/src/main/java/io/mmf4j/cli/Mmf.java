package io.mmf4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mmf} command: the entry point that picocli dispatches to the subcommands.
 *
 * <p>Exit codes: 0 when the command did what it was asked, 1 when it failed (a missing file or map, an OS
 * error), 2 for a usage error (unknown option, bad size). A failure is one line on stderr, naming the command
 * and what went wrong; {@code --verbose} adds the stack trace.
 *
 * {@snippet lang = "shell" :
 * ./mmf residency big.bin       # how much of big.bin is in the page cache
 * ./mmf dump SHARED --length 32 # the first 32 bytes of the named map SHARED, as hex and ASCII
 * }
 */
@Command(name = "mmf", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Memory-mapped files, shared memory and virtual memory for the JVM: demos and tools.",
        subcommands = {DemoCommand.class, WalkCommand.class, LsCommand.class, CreateCommand.class, RmCommand.class, LockCommand.class,
                DumpCommand.class, WriteCommand.class, HeapCommand.class, ResidencyCommand.class, LoadCommand.class,
                EvictCommand.class,
                BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class,
                // hidden: the processes that walk and demo start
                WalkSubject.class, SharedStringDemo.OpenShared.class, AotTraining.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:it worked", "1:it failed (one line on stderr says why)", "2:usage error"})
public final class Mmf {

    /** Declared once here and inherited by every subcommand, so {@code mmf dump --verbose X} works too. */
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On failure, print the stack trace as well as the one-line message.")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@link #main} and for tests. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Mmf());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(Failures::usageError);
        commandLine.setExecutionExceptionHandler(Failures::failure);
        return commandLine;
    }
}
