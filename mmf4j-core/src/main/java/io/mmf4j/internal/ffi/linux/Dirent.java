package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code <dirent.h>}'s getdents64 and the calls a directory walk makes on the names it read, relative to the
 * directory's descriptor and with the name still in native memory (the getdents buffer): openat, fstatat,
 * unlinkat. They return {@code -errno} instead of throwing, because a walk expects many of its entries to be
 * gone or not its own, and an exception per entry would cost more than the call. Records of
 * {@code struct linux_dirent64}, by named offsets:
 * <pre>
 *   0 d_ino (8)   8 d_off (8)   16 d_reclen (2)   18 d_type (1)   19 d_name (NUL-terminated, padded to d_reclen)
 * </pre>
 * {@code fstatat} fills a {@code struct stat} laid out as {@link Stat} describes. Stateless and thread-safe.
 */
public final class Dirent {
    public static final long D_INO_OFFSET = 0;
    public static final long D_RECLEN_OFFSET = 16;
    public static final long D_TYPE_OFFSET = 18;
    public static final long D_NAME_OFFSET = 19;

    /** fstatat flags: do not follow a final symbolic link; stat the descriptor itself when the name is empty. */
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    public static final int AT_EMPTY_PATH = 0x1000;

    private static final MethodHandle GETDENTS64 = Libc.downcall("getdents64",
            FunctionDescriptor.of(C_LONG, C_INT, C_POINTER, C_LONG));
    private static final MethodHandle OPENAT = Libc.variadicDowncall("openat",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT, C_INT), 3);
    private static final MethodHandle FSTATAT = Libc.downcall("fstatat",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER, C_INT));
    private static final MethodHandle UNLINKAT = Libc.downcall("unlinkat",
            FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT));

    private Dirent() {}

    /**
     * getdents64(2): fills {@code buffer} with the directory's next records; returns the bytes filled, 0 at the
     * end, or {@code -errno}.
     */
    public static long getdents64(int directoryFd, MemorySegment buffer) {
        MemorySegment capture = Libc.captureSegment();
        long result;
        try {
            result = (long) GETDENTS64.invokeExact(capture, directoryFd, buffer, buffer.byteSize());
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        return result >= 0 ? result : -Libc.errno(capture);
    }

    /** openat(2) of the NUL-terminated {@code name} (no creation); returns the fd or {@code -errno}. */
    public static int openat(int directoryFd, MemorySegment name, int flags) {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) OPENAT.invokeExact(capture, directoryFd, name, flags, 0);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        return result >= 0 ? result : -Libc.errno(capture);
    }

    /**
     * fstatat(2) of the NUL-terminated {@code name} into {@code stat} ({@link Stat#SIZEOF_STAT} bytes); with an
     * empty name and {@link #AT_EMPTY_PATH}, of the descriptor itself. Returns 0 or {@code -errno}.
     */
    public static int fstatat(int directoryFd, MemorySegment name, MemorySegment stat, int flags) {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) FSTATAT.invokeExact(capture, directoryFd, name, stat, flags);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        return result == 0 ? 0 : -Libc.errno(capture);
    }

    /** unlinkat(2) of the NUL-terminated {@code name} (a file: flags 0); returns 0 or {@code -errno}. */
    public static int unlinkat(int directoryFd, MemorySegment name) {
        MemorySegment capture = Libc.captureSegment();
        int result;
        try {
            result = (int) UNLINKAT.invokeExact(capture, directoryFd, name, 0);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        return result == 0 ? 0 : -Libc.errno(capture);
    }
}
