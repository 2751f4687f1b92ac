package io.mmf4j.internal.ffi.linux;

import static io.mmf4j.internal.ffi.linux.Libc.C_INT;
import static io.mmf4j.internal.ffi.linux.Libc.C_LONG;
import static io.mmf4j.internal.ffi.linux.Libc.C_POINTER;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * {@code <linux/futex.h>} through {@code syscall(SYS_futex, ...)}: sleeping in the kernel on a 32-bit word of
 * shared memory until another thread or process changes it and wakes the sleepers.
 *
 * <p>The operations are the shared (not {@code FUTEX_PRIVATE_FLAG}) ones, so a word in a {@code MAP_SHARED}
 * mapping works between processes: the kernel keys the sleepers by the backing page, not by the address.
 *
 * <p>Thread-safe; a call allocates nothing (the timespec is a per-thread segment).
 */
public final class Futex {
    /** SYS_futex on x86_64. */
    public static final long SYS_FUTEX = 202;
    public static final int FUTEX_WAIT = 0;
    public static final int FUTEX_WAKE = 1;

    /** {@link #await} result: woken by {@link #wake} (or spuriously: callers re-check their condition). */
    public static final int WOKEN = 0;
    /** {@link #await} result: the word did not hold the expected value, so the call did not sleep. */
    public static final int VALUE_CHANGED = 1;
    /** {@link #await} result: the timeout passed. */
    public static final int TIMED_OUT = 2;
    /** {@link #await} result: a signal interrupted the sleep. */
    public static final int INTERRUPTED = 3;

    // long syscall(long number, ...): futex(uint32_t *uaddr, int op, uint32_t val, const timespec *t,
    //                                       uint32_t *uaddr2, uint32_t val3)
    private static final MethodHandle SYSCALL = Libc.variadicDowncall("syscall",
            FunctionDescriptor.of(C_LONG, C_LONG, C_POINTER, C_INT, C_INT, C_POINTER, C_POINTER, C_INT), 1);

    /** struct timespec { time_t tv_sec; long tv_nsec; } */
    private static final long TV_SEC_OFFSET = 0;
    private static final long TV_NSEC_OFFSET = 8;
    private static final ThreadLocal<MemorySegment> TIMESPEC =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(16, 8));

    private Futex() {}

    /**
     * FUTEX_WAIT: sleeps while the int at {@code word} equals {@code expected}, at most {@code timeoutNanos}
     * (negative: no limit). Returns {@link #WOKEN}, {@link #VALUE_CHANGED}, {@link #TIMED_OUT} or
     * {@link #INTERRUPTED}; never throws for those, since each is a normal outcome for a waiter.
     *
     * @param word a segment of at least 4 bytes, 4-byte aligned, in memory mapped by this process
     */
    public static int await(MemorySegment word, int expected, long timeoutNanos) throws ErrnoException {
        MemorySegment timeout = MemorySegment.NULL;
        if (timeoutNanos >= 0) {
            timeout = TIMESPEC.get();
            timeout.set(ValueLayout.JAVA_LONG, TV_SEC_OFFSET, timeoutNanos / 1_000_000_000L);
            timeout.set(ValueLayout.JAVA_LONG, TV_NSEC_OFFSET, timeoutNanos % 1_000_000_000L);
        }
        MemorySegment capture = Libc.captureSegment();
        long result;
        try {
            result = (long) SYSCALL.invokeExact(capture, SYS_FUTEX, word, FUTEX_WAIT, expected, timeout,
                    MemorySegment.NULL, 0);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result == 0) {
            return WOKEN;
        }
        int errno = Libc.errno(capture);
        return switch (errno) {
            case Errno.EAGAIN -> VALUE_CHANGED;
            case Errno.ETIMEDOUT -> TIMED_OUT;
            case Errno.EINTR -> INTERRUPTED;
            default -> throw new ErrnoException("futex(FUTEX_WAIT)", errno, word.toString());
        };
    }

    /** FUTEX_WAKE: wakes at most {@code count} sleepers on {@code word}; returns how many it woke. */
    public static int wake(MemorySegment word, int count) throws ErrnoException {
        MemorySegment capture = Libc.captureSegment();
        long result;
        try {
            result = (long) SYSCALL.invokeExact(capture, SYS_FUTEX, word, FUTEX_WAKE, count, MemorySegment.NULL,
                    MemorySegment.NULL, 0);
        } catch (Throwable t) {
            throw Libc.unexpected(t);
        }
        if (result < 0) {
            throw new ErrnoException("futex(FUTEX_WAKE)", Libc.errno(capture), word.toString());
        }
        return (int) result;
    }
}
