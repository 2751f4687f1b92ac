package io.mmf4j.internal.sync;

import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * Volatile and atomic access to the int and long fields of a sync object's shared memory, and the sleep and
 * wake on its futex words. Stateless; every method is thread-safe.
 */
final class Words {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    private static final Platform PLATFORM = Platform.current();
    /** How long a waiting virtual thread parks before it looks at the word again. */
    static final long VIRTUAL_POLL_NANOS = 1_000_000;
    /**
     * How long a waiter spins in user space, re-reading the word, before it sleeps in the kernel (system property
     * {@code mmf4j.sync.spinNanos}). Off by default: on the 2-core machine of BENCHMARKS.md a spin only took CPU
     * from the process it waited for. With spare cores a few microseconds can catch a hand-off without the
     * sleep and wake-up. Bounded, so a long wait costs at most this much CPU.
     */
    static final long SPIN_NANOS = Long.getLong("mmf4j.sync.spinNanos", 0);

    private Words() {}

    static int getInt(MemorySegment s, long offset) {
        return (int) INT.getVolatile(s, offset);
    }

    static void setInt(MemorySegment s, long offset, int value) {
        INT.setVolatile(s, offset, value);
    }

    /** For fields that only the current owner writes: no fence is needed, only ordering before later stores. */
    static int getIntOpaque(MemorySegment s, long offset) {
        return (int) INT.getAcquire(s, offset);
    }

    static void setIntRelease(MemorySegment s, long offset, int value) {
        INT.setRelease(s, offset, value);
    }

    static boolean casInt(MemorySegment s, long offset, int expected, int value) {
        return (boolean) INT.compareAndSet(s, offset, expected, value);
    }

    static int addInt(MemorySegment s, long offset, int delta) {
        return (int) INT.getAndAdd(s, offset, delta);
    }

    static long getLong(MemorySegment s, long offset) {
        return (long) LONG.getVolatile(s, offset);
    }

    static void setLong(MemorySegment s, long offset, long value) {
        LONG.setVolatile(s, offset, value);
    }

    static boolean casLong(MemorySegment s, long offset, long expected, long value) {
        return (boolean) LONG.compareAndSet(s, offset, expected, value);
    }

    /** Spins up to {@link #SPIN_NANOS} while the int at {@code offset} equals {@code value}; true if it changed. */
    static boolean spinWhileInt(MemorySegment s, long offset, int value) {
        long start = System.nanoTime();
        do {
            for (int i = 0; i < 32; i++) {
                if (getInt(s, offset) != value) {
                    return true;
                }
                Thread.onSpinWait();
            }
        } while (System.nanoTime() - start < SPIN_NANOS);
        return false;
    }

    /** Spins up to {@link #SPIN_NANOS} while the long at {@code offset} is not 0; true if it became 0. */
    static boolean spinUntilZero(MemorySegment s, long offset) {
        long start = System.nanoTime();
        do {
            for (int i = 0; i < 32; i++) {
                if (getLong(s, offset) == 0) {
                    return true;
                }
                Thread.onSpinWait();
            }
        } while (System.nanoTime() - start < SPIN_NANOS);
        return false;
    }

    /**
     * Sleeps while the futex {@code word} (a 4-byte slice of a block) holds {@code expected}, at most {@code nanos}.
     * Returns {@code false} if the time ran out. A failing futex is a broken mapping, not a normal outcome.
     */
    static boolean await(MemorySegment word, int expected, long nanos) {
        if (Thread.currentThread().isVirtual()) {
            return parkVirtual(word, expected, nanos);
        }
        try {
            return PLATFORM.waits().awaitChange(word, expected, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A virtual thread must not sleep in the kernel: a native call pins its carrier, and with every carrier
     * pinned by waiters, the virtual thread that would release them could never run. It parks instead (which
     * frees the carrier) for {@link #VIRTUAL_POLL_NANOS} at most, then the caller looks again.
     */
    private static boolean parkVirtual(MemorySegment word, int expected, long nanos) {
        if ((int) INT.getVolatile(word, 0L) != expected) {
            return true;
        }
        long slice = nanos < 0 ? VIRTUAL_POLL_NANOS : Math.min(nanos, VIRTUAL_POLL_NANOS);
        // The caller has cleared the interrupt status (parkNanos would return at once while it is set).
        LockSupport.parkNanos(slice);
        return (int) INT.getVolatile(word, 0L) != expected || slice < nanos || nanos < 0;
    }

    static void wake(MemorySegment word, int count) {
        try {
            PLATFORM.waits().wake(word, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
