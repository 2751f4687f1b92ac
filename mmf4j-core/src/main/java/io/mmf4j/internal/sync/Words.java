package io.mmf4j.internal.sync;

import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Volatile and atomic access to the int and long fields of a sync object's shared memory, and the sleep and
 * wake on its futex words. Stateless; every method is thread-safe.
 */
final class Words {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    private static final Platform PLATFORM = Platform.current();

    private Words() {}

    static int getInt(MemorySegment s, long offset) {
        return (int) INT.getVolatile(s, offset);
    }

    static void setInt(MemorySegment s, long offset, int value) {
        INT.setVolatile(s, offset, value);
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

    /**
     * Sleeps while the futex word at {@code offset} holds {@code expected}, at most {@code nanos}.
     * Returns {@code false} if the time ran out. A failing futex is a broken mapping, not a normal outcome.
     */
    static boolean await(MemorySegment s, long offset, int expected, long nanos) {
        try {
            return PLATFORM.awaitChange(s.asSlice(offset, 4), expected, nanos);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void wake(MemorySegment s, long offset, int count) {
        try {
            PLATFORM.wake(s.asSlice(offset, 4), count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
