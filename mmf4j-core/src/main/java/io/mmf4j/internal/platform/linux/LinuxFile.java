package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Fcntl;
import io.mmf4j.internal.ffi.linux.Stat;
import io.mmf4j.internal.ffi.linux.SysFile;
import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;

/**
 * An open file descriptor of a regular file. Thread-safe for its reads and writes; close is idempotent, and
 * after it every call that needs the descriptor throws (the number may already name another file).
 */
public final class LinuxFile implements OsFile {
    private final int fd;
    private final String path;
    private final boolean created;
    private final boolean writable;
    private boolean closed;
    private int markFd = -1; // a second open of the file that carries the mapped mark: see markMapped
    private FileIdentity openedAs; // from the fstat of checked(): no second call for a walk that only opens

    private LinuxFile(int fd, String path, boolean created, boolean writable) {
        this.fd = fd;
        this.path = path;
        this.created = created;
        this.writable = writable;
    }

    /** Wraps a freshly opened fd, refusing (and closing) anything that is not a regular file. */
    static LinuxFile checked(int fd, String path, boolean created, FileAccess access) throws IOException {
        LinuxFile file = new LinuxFile(fd, path, created, access == FileAccess.READ_WRITE);
        try {
            Stat.FileStatus status = Stat.fstat(fd, path);
            if (!status.isRegularFile()) {
                throw new IOException(path + " is not a regular file (mode 0" + Integer.toOctalString(status.mode()) + ")");
            }
            file.openedAs = new FileIdentity(status.device(), status.inode(), status.links());
        } catch (IOException e) {
            file.closeQuietly();
            throw e instanceof ErrnoException errno ? LinuxErrors.translate(errno) : e;
        }
        return file;
    }

    /** Wraps an fd that the caller opened and found a regular file of identity {@code identity} (one fstat). */
    static LinuxFile opened(int fd, String path, FileAccess access, FileIdentity identity) {
        LinuxFile file = new LinuxFile(fd, path, false, access == FileAccess.READ_WRITE);
        file.openedAs = identity;
        return file;
    }

    /** Adopts an fd made elsewhere (memfd, shm) that the caller has already checked. */
    public static LinuxFile adopt(int fd, String path, boolean created, boolean writable) {
        return new LinuxFile(fd, path, created, writable);
    }

    public int fd() {
        return fd;
    }

    /** The Linux file behind {@code file}: a backend maps and links only the files it opened itself. */
    static LinuxFile of(OsFile file) {
        if (file instanceof LinuxFile linux) {
            return linux;
        }
        throw new IllegalArgumentException(file + " was not opened by the linux backend");
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return LinuxErrors.call(() -> Stat.fstat(fd, path).size());
    }

    @Override
    public void setLength(long length) throws IOException {
        checkOpen();
        LinuxErrors.run(() -> Unistd.ftruncate(fd, length, path + " to " + length + " bytes"));
    }

    @Override
    public boolean allocate(long offset, long length) throws IOException {
        checkOpen();
        try {
            Fcntl.fallocate(fd, Fcntl.FALLOC_FL_DEFAULT, offset, length, path + " [" + offset + ", +" + length + ")");
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.ENOSYS) {
                if (size() < offset + length) {
                    setLength(offset + length);
                }
                return false;
            }
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void dropCache(long offset, long length) throws IOException {
        LinuxErrors.run(() -> Fcntl.posixFadvise(fd, offset, length, Fcntl.POSIX_FADV_DONTNEED, path));
    }

    @Override
    public long read(long offset, java.lang.foreign.MemorySegment buffer) throws IOException {
        long done = 0;
        try {
            while (done < buffer.byteSize()) {
                long n = Unistd.pread(fd, buffer.asSlice(done), offset + done, path);
                if (n == 0) {
                    break;
                }
                done += n;
            }
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
        return done;
    }

    @Override
    public void write(long offset, java.lang.foreign.MemorySegment buffer) throws IOException {
        long done = 0;
        try {
            while (done < buffer.byteSize()) {
                done += Unistd.pwrite(fd, buffer.asSlice(done), offset + done, path);
            }
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void sync() throws IOException {
        checkOpen();
        LinuxErrors.run(() -> Unistd.fdatasync(fd, path)); // data and size; a timestamp alone is not worth a journal commit
    }

    /** After close the fd number may already name another file: never use it again. */
    private synchronized void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(path + " is closed");
        }
    }

    /**
     * Marks this handle as a holder of the file (a shared flock, which the kernel drops when the handle is closed
     * or its process dies). Blocks while another handle holds the file exclusively.
     */
    void lockShared() throws IOException {
        LinuxErrors.run(() -> SysFile.flock(fd, SysFile.LOCK_SH, path));
    }

    /**
     * Tries, without blocking, to hold the file exclusively: true means no other handle — in any process —
     * holds it. A shared lock this handle held is given up either way.
     */
    boolean tryLockExclusive() throws IOException {
        return LinuxErrors.call(() -> SysFile.flock(fd, SysFile.LOCK_EX | SysFile.LOCK_NB, path));
    }

    /** The file's identity when it was opened (checked), without a call; {@link #identity()} where none was taken. */
    FileIdentity identityAtOpen() throws IOException {
        return openedAs != null ? openedAs : identity();
    }

    @Override
    public boolean growTo(long from, long size, boolean reserve) throws IOException {
        checkOpen();
        try {
            if (reserve && size > from) {
                Fcntl.fallocate(fd, Fcntl.FALLOC_FL_KEEP_SIZE, from, size - from, path); // the size stays as it is
            }
            Fcntl.fallocate(fd, Fcntl.FALLOC_FL_DEFAULT, size - 1, 1, path); // extends to size, never shrinks
            return true;
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.ENOSYS) {
                return false;
            }
            throw LinuxErrors.translate(e);
        }
    }

    /** The byte the growth lock covers: far past any file's data (ext4 and tmpfs stop well below 2^62). */
    private static final long GROWTH_LOCK_BYTE = 1L << 62;

    @Override
    public java.io.Closeable lockGrowth() throws IOException {
        checkOpen();
        while (true) {
            try {
                Fcntl.ofdLock(fd, Fcntl.F_OFD_SETLKW, Fcntl.F_WRLCK, GROWTH_LOCK_BYTE, 1, path);
                break;
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EINTR) {
                    throw LinuxErrors.translate(e);
                }
            }
        }
        return () -> {
            try {
                Fcntl.ofdLock(fd, Fcntl.F_OFD_SETLK, Fcntl.F_UNLCK, GROWTH_LOCK_BYTE, 1, path);
            } catch (ErrnoException e) {
                throw LinuxErrors.translate(e);
            }
        };
    }

    @Override
    public FileIdentity identity() throws IOException {
        Stat.FileStatus status = LinuxErrors.call(() -> Stat.fstat(fd, path));
        return new FileIdentity(status.device(), status.inode(), status.links());
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (markFd >= 0) {
            int mark = markFd;
            markFd = -1;
            try {
                Unistd.close(mark, path);
            } catch (ErrnoException ignored) {
                // the mark's descriptor is gone either way
            }
        }
        LinuxErrors.run(() -> Unistd.close(fd, path));
    }

    void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // the fd is gone either way; the caller reports the original failure
        }
    }

    /**
     * The mark is a shared open-file-description lock on the last byte a file can have, which no program locks
     * for data. It sits on a second open of the file, not on this one: a mapping holds the open file it was
     * made from until it is unmapped (which the view reaper may do a little after the last close), and the mark
     * must go at {@link #close()}, or the process's death, not then.
     */
    private static final long MAPPED_MARK_OFFSET = Long.MAX_VALUE - 1;

    @Override
    public synchronized void markMapped() throws IOException {
        checkOpen();
        if (markFd >= 0) {
            return;
        }
        int mark;
        try {
            mark = Fcntl.open("/proc/self/fd/" + fd, Fcntl.O_RDONLY | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY, 0);
        } catch (ErrnoException e) {
            return; // cannot reopen it: the file goes unmarked, as on other backends
        }
        try {
            Fcntl.ofdLock(mark, Fcntl.F_OFD_SETLK, Fcntl.F_RDLCK, MAPPED_MARK_OFFSET, 1, path);
            markFd = mark;
        } catch (ErrnoException e) {
            // a file system without locks (ENOLCK, EINVAL): the file goes unmarked, as on other backends
            try {
                Unistd.close(mark, path);
            } catch (ErrnoException ignored) {
                // gone either way
            }
        }
    }

    @Override
    public synchronized boolean mappedElsewhere() throws IOException {
        checkOpen();
        int probe = markFd >= 0 ? markFd : fd; // a lock never conflicts with its own open file
        try {
            return Fcntl.ofdLock(probe, Fcntl.F_OFD_GETLK, Fcntl.F_WRLCK, MAPPED_MARK_OFFSET, 1, path) != Fcntl.F_UNLCK;
        } catch (ErrnoException e) {
            return false; // no locks here: nothing can be told
        }
    }
}
