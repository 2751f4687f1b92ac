package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns errnos that have a {@code java.nio.file} meaning into those exceptions, keeping the full message. */
public final class LinuxErrors {
    private LinuxErrors() {}

    public static IOException translate(ErrnoException e) {
        FileSystemException translated = switch (e.errno()) {
            case Errno.ENOENT -> new NoSuchFileException(e.subject(), null, e.getMessage());
            case Errno.EEXIST -> new FileAlreadyExistsException(e.subject(), null, e.getMessage());
            case Errno.EACCES, Errno.EPERM, Errno.EROFS -> new AccessDeniedException(e.subject(), null, e.getMessage());
            default -> null;
        };
        if (translated == null) {
            return e;
        }
        translated.initCause(e);
        return translated;
    }
}
