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

    /** How many namespace entries and holder-table lines the store has looked at so far, in this JVM. */
    public static long operations() {
        return LinuxNamedObjects.OPERATIONS.sum();
    }

    /** The system property that sets the least interval between two sweeps by creations. */
    public static String sweepIntervalProperty() {
        return SweepSchedule.INTERVAL_PROPERTY;
    }

    /** Unlinks {@code path}. */
    public static void unlink(Path path) throws IOException {
        LinuxNames.unlink(path);
    }
}
