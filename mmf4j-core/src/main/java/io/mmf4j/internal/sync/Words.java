package io.mmf4j.internal.sync;

import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The int and long fields of a sync object's shared memory, through VarHandles, each method named after the
 * access mode it uses; and the sleep and wake on a futex word. Stateless; every method is thread-safe.
 */
final class Words {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    private static final Platform PLATFORM = Platform.current();
    /** How long a waiting virtual thread parks before it looks at the word again. */
    static final long VIRTUAL_POLL_NANOS = 1_000_000;

    private Words() {}

    static int getIntVolatile(MemorySegment s, long offset) {
        return (int) INT.getVolatile(s, offset);
    }

    static void setIntVolatile(MemorySegment s, long offset, int value) {
        INT.setVolatile(s, offset, value);
    }

    /** For fields only the current owner writes (read after the CAS that made it the owner): no fence needed. */
    static int getIntOpaque(MemorySegment s, long offset) {
        return (int) INT.getOpaque(s, offset);
    }

    static void setIntRelease(MemorySegment s, long offset, int value) {
        INT.setRelease(s, offset, value);
    }

    static boolean compareAndSetInt(MemorySegment s, long offset, int expected, int value) {
        return (boolean) INT.compareAndSet(s, offset, expected, value);
    }

    static int getAndSetInt(MemorySegment s, long offset, int value) {
        return (int) INT.getAndSet(s, offset, value);
    }

    static long getLongVolatile(MemorySegment s, long offset) {
        return (long) LONG.getVolatile(s, offset);
    }

    static void setLongVolatile(MemorySegment s, long offset, long value) {
        LONG.setVolatile(s, offset, value);
    }

    static boolean compareAndSetLong(MemorySegment s, long offset, long expected, long value) {
        return (boolean) LONG.compareAndSet(s, offset, expected, value);
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
