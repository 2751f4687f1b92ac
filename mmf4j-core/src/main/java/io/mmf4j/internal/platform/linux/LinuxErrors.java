package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Turns errnos that have a {@code java.nio.file} meaning into those exceptions, and every other one into a plain
 * {@code IOException}, keeping the full message (the internal {@code ErrnoException} is only the cause); and
 * {@link #call}/{@link #run}, the one catch-and-translate block every downcall of the backend goes through.
 * Stateless and thread-safe.
 */
public final class LinuxErrors {
    private LinuxErrors() {}

    /** A libc call that may fail with an errno. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws ErrnoException;
    }

    /** A libc call with no result that may fail with an errno. */
    @FunctionalInterface
    interface VoidCall {
        void run() throws ErrnoException;
    }

    /** Runs {@code call}, translating its errno failure. */
    static <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (ErrnoException e) {
            throw translate(e);
        }
    }

    /** Runs {@code call}, translating its errno failure. */
    static void run(VoidCall call) throws IOException {
        try {
            call.run();
        } catch (ErrnoException e) {
            throw translate(e);
        }
    }

    public static IOException translate(ErrnoException e) {
        FileSystemException translated = switch (e.errno()) {
            case Errno.ENOENT -> new NoSuchFileException(e.subject(), null, e.getMessage());
            case Errno.EEXIST -> new FileAlreadyExistsException(e.subject(), null, e.getMessage());
            case Errno.EACCES, Errno.EPERM, Errno.EROFS -> new AccessDeniedException(e.subject(), null, e.getMessage());
            default -> null;
        };
        if (translated == null) {
            // Never the internal ErrnoException itself: users catch public types only.
            translated = switch (e.errno()) {
                case Errno.EISDIR, Errno.ENOTDIR, Errno.ELOOP, Errno.ENAMETOOLONG, Errno.ETXTBSY ->
                        new FileSystemException(e.subject(), null, e.getMessage());
                default -> null;
            };
        }
        if (translated == null) {
            return new IOException(e.getMessage(), e);
        }
        translated.initCause(e);
        return translated;
    }
}
