package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.HeldObject;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A holder of a named object in a {@link LinuxNamedObjects} directory: an open file carrying a shared flock.
 * Thread-safe; close is idempotent, and a close that can take the file exclusively (no holder left anywhere)
 * unlinks the name first, unless the name was removed and maybe re-created meanwhile.
 */
final class LinuxHeldObject implements HeldObject {
    private final Path directory;
    private final Path path;
    private final LinuxFile file;
    private boolean closed;

    LinuxHeldObject(Path directory, Path path, LinuxFile file) {
        this.directory = directory;
        this.path = path;
        this.file = file;
    }

    @Override
    public OsFile file() {
        return file;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public synchronized int holderCount() throws IOException {
        if (closed) {
            throw new IllegalStateException(path + ": holder is closed");
        }
        return LinuxHolders.count(file.identity());
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        LinuxNamedObjects.OPERATIONS.increment();
        try {
            if (file.tryLockExclusive()) {
                NameRemoval.unlinkIfNames(directory, path, file); // not if the name was removed and maybe re-created
            }
        } finally {
            file.close();
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
