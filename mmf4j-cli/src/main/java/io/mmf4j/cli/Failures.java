package io.mmf4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into one line on stderr and an exit code: 2 for usage errors, 1 for failures.
 * A stack trace is printed only with {@code --verbose}: a person wants to know what failed, not where.
 */
final class Failures {
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Failures() {}

    /** picocli's parameter exception handler: bad options or values. */
    static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage()
                + " (see '" + command.getCommandSpec().qualifiedName() + " --help')");
        if (verbose(command.getParseResult())) {
            e.printStackTrace(err);
        }
        err.flush();
        return USAGE;
    }

    /** picocli's execution exception handler: the command ran and failed. */
    static int failure(Exception e, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + describe(e));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof CommandLine.ParameterException ? USAGE : FAILED;
    }

    /** What a person needs to read: the file or map the failure is about, and the reason. */
    static String describe(Throwable e) {
        return switch (e) {
            case CliException cli -> cli.getMessage();
            case NoSuchFileException missing -> "no such file: " + missing.getFile();
            case AccessDeniedException denied -> "permission denied: " + denied.getFile()
                    + (denied.getReason() == null ? "" : " (" + denied.getReason() + ")");
            case FileAlreadyExistsException exists -> "already exists: " + exists.getFile();
            case FileSystemException other -> other.getMessage();
            case IOException io -> io.getMessage() == null ? io.toString() : io.getMessage();
            case IllegalArgumentException bad -> bad.getMessage();
            case IndexOutOfBoundsException bad -> bad.getMessage();
            case IllegalStateException bad -> bad.getMessage();
            case UnsupportedOperationException bad -> bad.getMessage();
            default -> "unexpected " + e + " (run with --verbose for the stack trace)";
        };
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
