package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** {@code <unistd.h>}: close, ftruncate, fsync, fdatasync, linkat, unlink, pread, pwrite, sysconf, getpid, geteuid. */
public final class Unistd {
    public static final int SC_PAGESIZE = 30;
    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_FOLLOW = 0x400;

    private static final MethodHandle CLOSE = Libc.downcall("close", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle FTRUNCATE = Libc.downcall("ftruncate",
            FunctionDescriptor.of(C_INT, C_INT, C_LONG));
    private static final MethodHandle FSYNC = Libc.downcall("fsync", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle FDATASYNC = Libc.downcall("fdatasync", FunctionDescriptor.of(C_INT, C_INT));
    private static final MethodHandle SYSCONF = Libc.downcallNoErrno("sysconf", FunctionDescriptor.of(C_LONG, C_INT));
    private static final MethodHandle GETPID = Libc.downcallNoErrno("getpid", FunctionDescriptor.of(C_INT));
    private static final MethodHandle GETEUID = Libc.downcallNoErrno("geteuid", FunctionDescriptor.of(C_INT));

    private static final MethodHandle LINKAT = Libc.downcall("linkat",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_POINTER, C_INT));

    private static final MethodHandle UNLINK = Libc.downcall("unlink", FunctionDescriptor.of(C_INT, C_POINTER));

    private static final MethodHandle PREAD = Libc.downcall("pread",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_LONG));
    private static final MethodHandle PWRITE = Libc.downcall("pwrite",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG, C_LONG));

    private Unistd() {}

    /** pread(2) into {@code buffer} (native memory); returns the bytes read, 0 at the end of the file. Retries EINTR. */
    public static long pread(int fd, MemorySegment buffer, long offset, String subject) throws ErrnoException {
        return transfer("pread", PREAD, fd, buffer, offset, subject);
    }

    /** pwrite(2) from {@code buffer} (native memory); returns the bytes written. Retries EINTR. */
    public static long pwrite(int fd, MemorySegment buffer, long offset, String subject) throws ErrnoException {
        return transfer("pwrite", PWRITE, fd, buffer, offset, subject);
    }

    private static long transfer(String function, MethodHandle handle, int fd, MemorySegment buffer, long offset,
                                 String subject) throws ErrnoException {
        while (true) {
            MemorySegment capture = Libc.captureSegment();
            long result;
            try {
                result = (long) handle.invokeExact(capture, fd, buffer, buffer.byteSize(), offset);
            } catch (Throwable t) {
                throw Libc.unexpected(t);
            }
            if (result >= 0) {
                return result;
            }
            int errno = Libc.errno(capture);
            if (errno != Errno.EINTR) {
                throw new ErrnoException(function, errno, subject);
            }
        }
    }

    /** linkat(2) of two paths relative to the working directory; {@code subject} names the target for messages. */
    public static void linkat(String from, String to, int flags, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try (Arena arena = Arena.ofConfined()) {
            result = (int) LINKAT.invokeExact(capture, AT_FDCWD, arena.allocateFrom(from), AT_FDCWD,
                    arena.allocateFrom(to), flags);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("linkat", Libc.errno(capture), subject);
        }
    }

    /** unlink(2) of {@code path}; the file lives on while any handle or mapping of it remains. */
    public static void unlink(String path) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try (Arena arena = Arena.ofConfined()) {
            result = (int) UNLINK.invokeExact(capture, arena.allocateFrom(path));
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("unlink", Libc.errno(capture), path);
        }
    }

    public static void close(int fd, String subject) throws ErrnoException {
        intCall("close", CLOSE, fd, subject);
    }

    public static void ftruncate(int fd, long length, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) FTRUNCATE.invokeExact(capture, fd, length);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("ftruncate", Libc.errno(capture), subject);
        }
    }

    public static void fsync(int fd, String subject) throws ErrnoException {
        intCall("fsync", FSYNC, fd, subject);
    }

    public static void fdatasync(int fd, String subject) throws ErrnoException {
        intCall("fdatasync", FDATASYNC, fd, subject);
    }

    public static long sysconf(int name) {
        try {
            return (long) SYSCONF.invokeExact(name);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    public static int getpid() {
        try {
            return (int) GETPID.invokeExact();
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    public static int geteuid() {
        try {
            return (int) GETEUID.invokeExact();
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    private static void intCall(String function, MethodHandle handle, int fd, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) handle.invokeExact(capture, fd);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException(function, Libc.errno(capture), subject);
        }
    }
}
