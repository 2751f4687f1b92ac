package io.mmf4j.internal.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file capability: regular files by path, nameless memory-backed files, and passing an open file to a
 * child process. Stateless and thread-safe; the files it returns are owned (and closed) by the caller.
 */
public interface FilePlatform {

    /** Opens or creates a regular file. {@link OsFile#created()} tells whether this call created it. */
    OsFile openFile(Path path, FileAccess access, FileCreation creation) throws IOException;

    /**
     * A file backed by memory that has no name anywhere (memfd), sealed so that nobody can shrink it;
     * {@code description} is for tools.
     */
    OsFile createAnonymous(String description) throws IOException;

    /** The number by which another process started by this one can reach {@code file} (the fd on POSIX). */
    long handleNumber(OsFile file);

    /**
     * Opens, in a process started by {@code processId}'s user, the file that {@code processId} holds as
     * {@code handleNumber}; the caller checks the identity.
     */
    OsFile openInherited(long processId, long handleNumber, FileAccess access) throws IOException;

    /**
     * Checks that the machine can give {@code bytes} of memory now (available memory, the commit limit, the
     * memory cgroup), before a memory-backed object of that size is committed; {@code IOException} naming
     * {@code what}, the size and the limit otherwise. No limit known: nothing to check.
     */
    default void checkMemoryAvailable(long bytes, String what) throws IOException {
    }

    /**
     * A second handle on the same open file, closed on its own: what {@link #handleNumber} of it names goes
     * away when it is closed, whoever else holds the file.
     */
    default OsFile duplicate(OsFile file) throws IOException {
        throw new UnsupportedOperationException("passing a map to a child needs a native backend");
    }
}
