package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Test access to the Linux store's POSIX operations, to play a racing remover. Stateless. */
public final class LinuxStoreAccess {
    private LinuxStoreAccess() {}

    /** The per-directory removal lock every unlink of the store takes. */
    public static Closeable lockNameRemoval(Path directory) throws IOException {
        return LinuxNames.lockNameRemoval(directory);
    }

    /** The file {@code path} names now. */
    public static Optional<FileIdentity> identity(Path path) throws IOException {
        return LinuxNames.identity(path);
    }

    /** Unlinks {@code path}. */
    public static void unlink(Path path) throws IOException {
        LinuxNames.unlink(path);
    }
}
