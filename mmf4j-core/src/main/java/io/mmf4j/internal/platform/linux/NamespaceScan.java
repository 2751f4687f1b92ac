package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Dirent;
import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Fcntl;
import io.mmf4j.internal.ffi.linux.Stat;
import io.mmf4j.internal.ffi.linux.SysFile;
import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * One pass over the entries of a namespace directory, made for namespaces of ten thousand objects: the directory
 * is read with {@code getdents64} into one native buffer (each entry's inode comes with its name, so an entry the
 * holder table shows as held can be passed over without a call), and entries are opened, stat'ed and unlinked
 * relative to the directory's descriptor, with their names where getdents put them: no path is resolved from the
 * root and no Java object is made for an entry that is not opened. Only names that are keys are seen (nothing
 * else someone put in the directory).
 *
 * {@snippet :
 * try (NamespaceScan scan = NamespaceScan.open(directory)) {
 *     while (scan.next()) {
 *         LinuxFile file = scan.openEntry(); // null: gone, another user's, a link or not a regular file
 *     }
 * }
 * }
 *
 * <p>Not thread-safe: one thread makes and closes a scan. Lifecycle: {@link #open}, {@link #next} until false,
 * {@link #close} (the directory descriptor and the native buffers).
 */
final class NamespaceScan implements AutoCloseable {
    private static final long BUFFER_BYTES = 32 * 1024;
    private static final int KEY_LENGTH = 65;
    private static final int ENXIO = 6; // open(2) of a socket, or a FIFO with no writer (O_NONBLOCK writers only)
    private static final int OPEN_FLAGS =
            Fcntl.O_RDONLY | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY | Fcntl.O_NOFOLLOW | Fcntl.O_NONBLOCK;

    private final Path directory;
    private final String prefix;
    private final Arena arena;
    private final int fd;
    private final long device;
    private final MemorySegment buffer;
    private final MemorySegment stat;
    private final MemorySegment empty;
    private long filled;
    private long next;
    private long entry = -1;
    private boolean closed;

    private NamespaceScan(Path directory, Arena arena, int fd, long device) {
        this.directory = directory;
        this.prefix = directory + "/";
        this.arena = arena;
        this.fd = fd;
        this.device = device;
        this.buffer = arena.allocate(BUFFER_BYTES, 8);
        this.stat = arena.allocate(Stat.SIZEOF_STAT, 8);
        this.empty = arena.allocate(1);
    }

    /** Opens {@code directory} (never following a link) for a scan. {@code NoSuchFileException} if it is gone. */
    static NamespaceScan open(Path directory) throws IOException {
        String name = directory.toString();
        int fd = LinuxErrors.call(() -> Fcntl.open(name,
                Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC, 0));
        Arena arena = Arena.ofConfined();
        try {
            long device = LinuxErrors.call(() -> Stat.fstat(fd, name)).device();
            return new NamespaceScan(directory, arena, fd, device);
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            try {
                Unistd.close(fd, name);
            } catch (ErrnoException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** The directory's device: an entry on another one is not an object of the namespace. */
    long device() {
        return device;
    }

    Path directory() {
        return directory;
    }

    /** Moves to the next entry whose name is a key; false at the end of the directory. */
    boolean next() throws IOException {
        while (true) {
            if (entry >= 0) {
                next = entry + Short.toUnsignedLong(buffer.get(ValueLayout.JAVA_SHORT, entry + Dirent.D_RECLEN_OFFSET));
                entry = -1;
            }
            if (next >= filled) {
                long n = Dirent.getdents64(fd, buffer);
                if (n < 0) {
                    throw LinuxErrors.translate(new ErrnoException("getdents64", (int) -n, directory.toString()));
                }
                if (n == 0) {
                    return false;
                }
                filled = n;
                next = 0;
            }
            entry = next;
            long reclen = Short.toUnsignedLong(buffer.get(ValueLayout.JAVA_SHORT, entry + Dirent.D_RECLEN_OFFSET));
            if (reclen < Dirent.D_NAME_OFFSET + 1 || entry + reclen > filled) {
                throw new IOException("getdents64 of " + directory + " gave a record of " + reclen + " bytes at "
                        + entry + " of " + filled); // the kernel's own output: never seen, but never read past it
            }
            if (isKey(entry + Dirent.D_NAME_OFFSET, entry + reclen)) {
                return true;
            }
        }
    }

    /** Whether the NUL-terminated name at {@code from} (its record ends at {@code to}) is a key. */
    private boolean isKey(long from, long to) {
        if (from + KEY_LENGTH >= to || buffer.get(ValueLayout.JAVA_BYTE, from) != 'n'
                || buffer.get(ValueLayout.JAVA_BYTE, from + KEY_LENGTH) != 0) {
            return false;
        }
        for (long i = from + 1; i < from + KEY_LENGTH; i++) {
            byte c = buffer.get(ValueLayout.JAVA_BYTE, i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The current entry's inode as the directory has it (the file opened later may be another: check that). */
    long inode() {
        return buffer.get(ValueLayout.JAVA_LONG, entry + Dirent.D_INO_OFFSET);
    }

    /** The current entry's name, NUL-terminated, in the scan's buffer: valid until the next {@link #next}. */
    MemorySegment name() {
        return buffer.asSlice(entry + Dirent.D_NAME_OFFSET, KEY_LENGTH + 1);
    }

    /** The current entry's path. */
    Path path() {
        return directory.resolve(buffer.getString(entry + Dirent.D_NAME_OFFSET));
    }

    /**
     * Opens the current entry for reading, never following a link and never blocking, and stats it: the file,
     * or {@code null} if the entry is gone, is another user's, or is not a regular file of this directory's
     * device with a name (nothing an object of the namespace can be). {@link #size()} is its size then.
     */
    LinuxFile openEntry() throws IOException {
        int file = Dirent.openat(fd, name(), OPEN_FLAGS);
        if (file < 0) {
            return switch (-file) {
                case Errno.ENOENT, Errno.EACCES, Errno.EPERM, Errno.ELOOP, ENXIO, Errno.EISDIR -> null;
                default -> throw LinuxErrors.translate(new ErrnoException("openat", -file, prefix
                        + buffer.getString(entry + Dirent.D_NAME_OFFSET)));
            };
        }
        String path = prefix + buffer.getString(entry + Dirent.D_NAME_OFFSET);
        int result = Dirent.fstatat(file, empty, stat, Dirent.AT_EMPTY_PATH);
        int mode = stat.get(ValueLayout.JAVA_INT, Stat.ST_MODE_OFFSET);
        long links = stat.get(ValueLayout.JAVA_LONG, Stat.ST_NLINK_OFFSET);
        long on = stat.get(ValueLayout.JAVA_LONG, Stat.ST_DEV_OFFSET);
        if (result != 0 || (mode & Stat.S_IFMT) != Stat.S_IFREG || links == 0 || on != device) {
            try {
                Unistd.close(file, path);
            } catch (ErrnoException ignored) {
                // the fd is gone either way
            }
            if (result != 0) {
                throw LinuxErrors.translate(new ErrnoException("fstat", -result, path));
            }
            return null;
        }
        return LinuxFile.opened(file, path, FileAccess.READ,
                new FileIdentity(on, stat.get(ValueLayout.JAVA_LONG, Stat.ST_INO_OFFSET), links));
    }

    /** The size of the file the last {@link #openEntry} returned, as it was stat'ed then. */
    long size() {
        return stat.get(ValueLayout.JAVA_LONG, Stat.ST_SIZE_OFFSET);
    }

    /**
     * Takes the namespace's name-removal lock ({@link LinuxNames#lockNameRemoval}) on this scan's own descriptor,
     * so that the checks and unlinks made under it ({@link #namesFile}, {@link #unlink}) are on the directory it
     * locked; {@link #unlockNameRemoval} lets it go.
     */
    void lockNameRemoval() throws IOException {
        LinuxErrors.run(() -> SysFile.flock(fd, SysFile.LOCK_EX, directory.toString()));
    }

    void unlockNameRemoval() throws IOException {
        LinuxErrors.run(() -> SysFile.flock(fd, SysFile.LOCK_UN, directory.toString()));
    }

    /** Whether the NUL-terminated {@code name} (of this directory) names {@code file} now. */
    boolean namesFile(MemorySegment name, FileIdentity file) throws IOException {
        int result = Dirent.fstatat(fd, name, stat, Dirent.AT_SYMLINK_NOFOLLOW);
        if (result == -Errno.ENOENT) {
            return false;
        }
        if (result != 0) {
            throw LinuxErrors.translate(new ErrnoException("fstatat", -result, prefix + name.getString(0)));
        }
        return stat.get(ValueLayout.JAVA_LONG, Stat.ST_DEV_OFFSET) == file.device()
                && stat.get(ValueLayout.JAVA_LONG, Stat.ST_INO_OFFSET) == file.inode();
    }

    /** Unlinks the NUL-terminated {@code name} of this directory: 0, or {@code -errno} as unlinkat(2) failed. */
    int unlink(MemorySegment name) {
        return Dirent.unlinkat(fd, name);
    }

    /** A copy of the current entry's name that outlives {@link #next} (until the scan is closed). */
    MemorySegment copyName() {
        return arena.allocate(KEY_LENGTH + 1).copyFrom(name());
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        arena.close();
        LinuxErrors.run(() -> Unistd.close(fd, directory.toString())); // drops a removal lock still held too
    }
}
