package io.mmf4j.internal.sharedheap;

import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The files of the persistent heaps open in this process, one entry per file however many heaps map it: the
 * file (mapped by each heap) and a whole-file lock that marks this process as a holder — exclusive while the
 * first opener repairs, shared after. The lock is a POSIX record lock, which the OS drops when the process
 * closes any descriptor of the file: so each file is opened once here and closed when its last heap closes.
 *
 * <p>Thread-safe (one monitor; opening may wait for another process's repair while holding it).
 */
final class HeapFiles {
    /** One file held by this process. */
    static final class Hold {
        final Path key;
        final OsFile file;
        final FileChannel lockChannel;
        private FileLock lock;
        int users = 1;

        private Hold(Path key, OsFile file, FileChannel lockChannel, FileLock exclusive) {
            this.key = key;
            this.file = file;
            this.lockChannel = lockChannel;
            this.lock = exclusive;
        }

        /** After the first opener's repair (or at once, if another process holds the file): a shared lock. */
        void share() throws IOException {
            synchronized (HeapFiles.class) {
                if (lock == null || !lock.isShared()) {
                    if (lock != null) {
                        lock.release();
                    }
                    lock = lockChannel.lock(0, Long.MAX_VALUE, true);
                }
            }
        }
    }

    private static final Map<Path, Hold> OPEN = new HashMap<>();

    private HeapFiles() {}

    /** What {@link #open} found: the hold, whether this opener must repair first, whether it made the file. */
    record Opened(Hold hold, boolean alone, boolean created) {}

    /** Opens (or creates, per {@code creation}) and holds the file; a second heap of the file here shares it. */
    static synchronized Opened open(Path path, FileCreation creation) throws IOException {
        Path key = path.toAbsolutePath().normalize();
        Hold held = OPEN.get(key);
        if (held != null && creation != FileCreation.CREATE_NEW && creation != FileCreation.CREATE_OR_TRUNCATE) {
            held.users++;
            return new Opened(held, false, false);
        }
        if (held != null) {
            throw new java.nio.file.FileAlreadyExistsException(path.toString(), null,
                    "is a persistent heap open in this process: it cannot be created anew");
        }
        OsFile file = Platform.current().files().openFile(path, FileAccess.READ_WRITE, creation);
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock exclusive;
            try {
                exclusive = channel.tryLock(0, Long.MAX_VALUE, false);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            Hold hold = new Hold(key, file, channel, exclusive);
            OPEN.put(key, hold);
            return new Opened(hold, exclusive != null, file.created());
        } catch (IOException | RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }

    /** A heap of the file closed: the last one closes the file and drops the lock. */
    static synchronized void release(Hold hold) throws IOException {
        Hold held = OPEN.get(hold.key);
        if (held == null || --held.users > 0) {
            return;
        }
        OPEN.remove(hold.key);
        try {
            held.lockChannel.close();
        } finally {
            held.file.close();
        }
    }
}
