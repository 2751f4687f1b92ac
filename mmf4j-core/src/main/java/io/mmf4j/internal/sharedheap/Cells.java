package io.mmf4j.internal.sharedheap;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * Reads and writes of a shared heap's fields. Writes are release stores: the JIT may not reorder them, so a
 * process killed between two of them leaves the first done and the second not, as the crash protocol assumes.
 * Every access is bounds-checked by the segment. Stateless and thread-safe.
 */
final class Cells {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();

    private Cells() {}

    static long get(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_LONG, offset);
    }

    static long getAcquire(MemorySegment s, long offset) {
        return (long) LONG.getAcquire(s, offset);
    }

    static void put(MemorySegment s, long offset, long value) {
        LONG.setRelease(s, offset, value);
    }

    static int getInt(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_INT, offset);
    }

    static void putInt(MemorySegment s, long offset, int value) {
        INT.setRelease(s, offset, value);
    }
}
