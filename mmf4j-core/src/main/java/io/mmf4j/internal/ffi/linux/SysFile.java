package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@code <sys/file.h>}: flock. Locks belong to the open file description and vanish when the last
 * descriptor of it is closed — or when its process dies, {@code kill -9} included — which is what makes
 * them the library's crash-safe holder marks.
 */
public final class SysFile {
    public static final int LOCK_SH = 1;
    public static final int LOCK_EX = 2;
    public static final int LOCK_NB = 4;
    public static final int LOCK_UN = 8;

    private static final MethodHandle FLOCK = Libc.downcall("flock", FunctionDescriptor.of(C_INT, C_INT, C_INT));

    private SysFile() {}

    /**
     * flock(2). Returns true when the lock was taken; false only for {@code LOCK_NB} when another holder
     * conflicts (EWOULDBLOCK). Retries EINTR.
     */
    public static boolean flock(int fd, int operation, String subject) throws ErrnoException {
        while (true) {
            MemorySegment capture = Libc.captureSegment();
            int result;
            try {
                result = (int) FLOCK.invokeExact(capture, fd, operation);
            } catch (Throwable t) {
                throw Libc.unexpected(t);
            }
            if (result == 0) {
                return true;
            }
            int errno = Libc.errno(capture);
            if (errno == Errno.EINTR) {
                continue;
            }
            if (errno == Errno.EAGAIN && (operation & LOCK_NB) != 0) {
                return false;
            }
            throw new ErrnoException("flock", errno, subject);
        }
    }
}
