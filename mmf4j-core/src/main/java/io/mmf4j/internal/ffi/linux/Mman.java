package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code <sys/mman.h>}: mmap, munmap, mprotect, msync, madvise, mincore, mlock, munlock, memfd_create.
 * Addresses are plain {@code long}s here; the platform layer wraps them into scoped segments.
 * Every call throws {@link ErrnoException} naming the call, the errno and the subject it was given.
 */
public final class Mman {
    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int PROT_EXEC = 0x4;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_NORESERVE = 0x4000;
    public static final int MAP_POPULATE = 0x8000;
    public static final int MAP_HUGETLB = 0x40000;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    public static final int MS_ASYNC = 1;
    public static final int MS_INVALIDATE = 2;
    public static final int MS_SYNC = 4;

    public static final int MADV_NORMAL = 0;
    public static final int MADV_RANDOM = 1;
    public static final int MADV_SEQUENTIAL = 2;
    public static final int MADV_WILLNEED = 3;
    public static final int MADV_DONTNEED = 4;
    public static final int MADV_FREE = 8;
    public static final int MADV_REMOVE = 9;
    public static final int MADV_DONTFORK = 10;
    public static final int MADV_HUGEPAGE = 14;
    public static final int MADV_NOHUGEPAGE = 15;
    public static final int MADV_COLD = 20;
    public static final int MADV_PAGEOUT = 21;
    public static final int MADV_POPULATE_READ = 22;
    public static final int MADV_POPULATE_WRITE = 23;

    public static final int MFD_CLOEXEC = 0x1;
    public static final int MFD_ALLOW_SEALING = 0x2;

    /** mmap's failure value, {@code (void *) -1}. */
    public static final long MAP_FAILED = -1L;

    private static final MethodHandle MMAP = Libc.downcall("mmap",
            FunctionDescriptor.of(C_LONG, C_LONG, C_LONG, C_INT, C_INT, C_INT, C_LONG));
    private static final MethodHandle MUNMAP = Libc.downcall("munmap",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG));
    private static final MethodHandle MPROTECT = Libc.downcall("mprotect",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG, C_INT));
    private static final MethodHandle MSYNC = Libc.downcall("msync",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG, C_INT));
    private static final MethodHandle MADVISE = Libc.downcall("madvise",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG, C_INT));
    private static final MethodHandle MINCORE = Libc.downcall("mincore",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG, C_POINTER));
    private static final MethodHandle MLOCK = Libc.downcall("mlock",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG));
    private static final MethodHandle MUNLOCK = Libc.downcall("munlock",
            FunctionDescriptor.of(C_INT, C_LONG, C_LONG));
    private static final MethodHandle MEMFD_CREATE = Libc.downcall("memfd_create",
            FunctionDescriptor.of(C_INT, C_POINTER, C_INT));

    private Mman() {}

    /** mmap(2); returns the address of the new mapping. */
    public static long mmap(long address, long length, int prot, int flags, int fd, long offset, String subject)
            throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        long result;
        try {
            result = (long) MMAP.invokeExact(capture, address, length, prot, flags, fd, offset);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result == MAP_FAILED) {
            throw new ErrnoException("mmap", Libc.errno(capture), subject);
        }
        return result;
    }

    public static void munmap(long address, long length, String subject) throws ErrnoException {
        check("munmap", call2(MUNMAP, address, length), subject);
    }

    public static void mprotect(long address, long length, int prot, String subject) throws ErrnoException {
        check("mprotect", call3(MPROTECT, address, length, prot), subject);
    }

    public static void msync(long address, long length, int flags, String subject) throws ErrnoException {
        check("msync", call3(MSYNC, address, length, flags), subject);
    }

    public static void madvise(long address, long length, int advice, String subject) throws ErrnoException {
        check("madvise", call3(MADVISE, address, length, advice), subject);
    }

    public static void mlock(long address, long length, String subject) throws ErrnoException {
        check("mlock", call2(MLOCK, address, length), subject);
    }

    public static void munlock(long address, long length, String subject) throws ErrnoException {
        check("munlock", call2(MUNLOCK, address, length), subject);
    }

    /** mincore(2): one byte per page into {@code vector}; bit 0 set means resident. */
    public static void mincore(long address, long length, MemorySegment vector, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) MINCORE.invokeExact(capture, address, length, vector);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result != 0) {
            throw new ErrnoException("mincore", Libc.errno(capture), subject);
        }
    }

    /** memfd_create(2); {@code name} is a C string shown in /proc/PID/maps. Returns the fd. */
    public static int memfdCreate(MemorySegment name, int flags, String subject) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        int fd;
        try {
            fd = (int) MEMFD_CREATE.invokeExact(capture, name, flags);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (fd < 0) {
            throw new ErrnoException("memfd_create", Libc.errno(capture), subject);
        }
        return fd;
    }

    private static int call2(MethodHandle handle, long a, long b) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        try {
            int result = (int) handle.invokeExact(capture, a, b);
            return result == 0 ? 0 : Libc.errno(capture);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    private static int call3(MethodHandle handle, long a, long b, int c) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        try {
            int result = (int) handle.invokeExact(capture, a, b, c);
            return result == 0 ? 0 : Libc.errno(capture);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
    }

    private static void check(String function, int errno, String subject) throws ErrnoException {
        if (errno != 0) {
            throw new ErrnoException(function, errno, subject);
        }
    }
}
