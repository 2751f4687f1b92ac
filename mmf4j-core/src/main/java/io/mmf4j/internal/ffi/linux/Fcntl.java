package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** {@code <fcntl.h>}: open, fallocate, posix_fadvise, and the fcntl commands the library uses (seals, locks, flags). */
public final class Fcntl {
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;
    /** An unnamed file in the given directory, to be given a name later with linkat (tmpfs, ext4, xfs...). */
    public static final int O_TMPFILE = 020000000 | O_DIRECTORY;

    public static final int F_DUPFD_CLOEXEC = 1030;
    public static final int F_GETFD = 1;
    public static final int F_SETFD = 2;
    public static final int FD_CLOEXEC = 1;
    public static final int F_ADD_SEALS = 1033;
    public static final int F_GET_SEALS = 1034;
    public static final int F_SEAL_SEAL = 0x0001;
    public static final int F_SEAL_SHRINK = 0x0002;
    public static final int F_SEAL_GROW = 0x0004;
    public static final int F_SEAL_WRITE = 0x0008;

    /** Open-file-description locks (Linux 3.15): owned by the open file, released at its last close or death. */
    public static final int F_OFD_GETLK = 36;
    public static final int F_OFD_SETLK = 37;
    public static final int F_OFD_SETLKW = 38;
    public static final short F_RDLCK = 0;
    public static final short F_WRLCK = 1;
    public static final short F_UNLCK = 2;
    /** struct flock on x86_64: short l_type, short l_whence, (pad), off_t l_start, off_t l_len, pid_t l_pid, (pad). */
    private static final long FLOCK_TYPE_OFFSET = 0;
    private static final long FLOCK_START_OFFSET = 8;
    private static final long FLOCK_LEN_OFFSET = 16;
    private static final long FLOCK_SIZE = 32;

    /** fallocate(2) mode 0: allocate blocks and extend the size if the range passes the end. */
    public static final int FALLOC_FL_DEFAULT = 0;
    public static final int FALLOC_FL_KEEP_SIZE = 0x01;


    /** posix_fadvise(2) advice: the range is not needed soon, so the page cache may drop its clean pages. */
    public static final int POSIX_FADV_DONTNEED = 4;

    private static final MethodHandle OPEN = Libc.downcall("open",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT));
    private static final MethodHandle FALLOCATE = Libc.downcall("fallocate",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_LONG, C_LONG));
    private static final MethodHandle FCNTL = Libc.downcall("fcntl",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT));
    private static final MethodHandle FCNTL_LOCK = Libc.downcall("fcntl",
            FunctionDescriptor.of(C_INT, C_INT, C_INT, C_POINTER));
    private static final MethodHandle POSIX_FADVISE = Libc.downcallNoErrno("posix_fadvise",
            FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_LONG, C_INT));

    private Fcntl() {}

    /** open(2) of {@code path} with flags and creation mode; returns the fd. */
    public static int open(String path, int flags, int mode) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int fd;
        try (Arena arena = Arena.ofConfined()) {
            fd = (int) OPEN.invokeExact(capture, arena.allocateFrom(path), flags, mode);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (fd < 0) {
            throw new ErrnoException("open", Libc.errno(capture), path);
        }
        return fd;
    }

    /** fallocate(2): reserves disk (or tmpfs) blocks for the range, so later writes cannot fail for space. */
    public static void fallocate(int fd, int mode, long offset, long length, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) FALLOCATE.invokeExact(capture, fd, mode, offset, length);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("fallocate", Libc.errno(capture), subject);
        }
    }

    /** fcntl(2) with an int argument; returns the call's non-negative result. */
    public static int fcntl(int fd, int command, int argument, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) FCNTL.invokeExact(capture, fd, command, argument);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result < 0) {
            throw new ErrnoException("fcntl", Libc.errno(capture), subject);
        }
        return result;
    }

    /** posix_fadvise(2): advice about {@code [offset, offset + length)} of the file; length 0 means to its end. */
    public static void posixFadvise(int fd, long offset, long length, int advice, String subject) throws ErrnoException {
        int result;
        try {
            result = (int) POSIX_FADVISE.invokeExact(fd, offset, length, advice);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        // posix_fadvise returns the error number itself and leaves errno alone.
        if (result != 0) {
            throw new ErrnoException("posix_fadvise", result, subject);
        }
    }

    /**
     * fcntl(2) {@code F_OFD_SETLK} ({@code type} F_RDLCK, F_WRLCK or F_UNLCK) or {@code F_OFD_GETLK} on the byte
     * range {@code [start, start + length)}. For GETLK returns the type of a conflicting lock, or F_UNLCK if none.
     */
    public static short ofdLock(int fd, int command, short type, long start, long length, String subject)
            throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment lock = arena.allocate(FLOCK_SIZE, 8); // zeroed: l_whence SEEK_SET, l_pid 0 as OFD needs
            lock.set(java.lang.foreign.ValueLayout.JAVA_SHORT, FLOCK_TYPE_OFFSET, type);
            lock.set(java.lang.foreign.ValueLayout.JAVA_LONG, FLOCK_START_OFFSET, start);
            lock.set(java.lang.foreign.ValueLayout.JAVA_LONG, FLOCK_LEN_OFFSET, length);
            int result;
            try {
                result = (int) FCNTL_LOCK.invokeExact(capture, fd, command, lock);
            } catch (Throwable t) {
                throw Libc.unexpected(t);
            }
            if (result < 0) {
                throw new ErrnoException("fcntl", Libc.errno(capture), subject);
            }
            return lock.get(java.lang.foreign.ValueLayout.JAVA_SHORT, FLOCK_TYPE_OFFSET);
        }
    }
}
