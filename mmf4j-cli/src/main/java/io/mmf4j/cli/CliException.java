package io.mmf4j.cli;

/** A failure whose message is ready to show a person as it is: exit code 1, one line, no stack trace. */
final class CliException extends Exception {
    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
