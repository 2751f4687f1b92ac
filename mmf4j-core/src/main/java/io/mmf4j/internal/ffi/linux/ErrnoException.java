package io.mmf4j.internal.ffi.linux;

import java.io.IOException;

/**
 * A libc call failed: names the function, the errno (symbolic and as text) and what it acted on.
 * The platform layer turns the errnos that have a {@code java.nio.file} meaning into those exceptions.
 */
public final class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int errno;
    private final String subject;

    public ErrnoException(String function, int errno, String subject) {
        super(function + "(" + subject + "): " + Errno.name(errno) + " (" + Errno.describe(errno) + ")");
        this.function = function;
        this.errno = errno;
        this.subject = subject;
    }

    public String function() {
        return function;
    }

    public int errno() {
        return errno;
    }

    public String subject() {
        return subject;
    }
}
