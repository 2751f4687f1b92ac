package io.mmf4j.internal.platform;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The compare-and-set of a backend that cannot guard the instruction itself: a plain load touches the page first,
 * which the JVM turns into {@code InternalError} when the page is gone (its own native compare-and-set, which the
 * interpreter calls, is not so guarded and would abort the process). A page that vanishes between the load and the
 * CAS still aborts it. Stateless.
 */
final class ProbedCas {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private ProbedCas() {}

    static boolean compareAndSetLong(MemorySegment mapping, long offset, long expected, long value) {
        mapping.get(ValueLayout.JAVA_BYTE, offset);
        return LONG.compareAndSet(mapping, offset, expected, value);
    }

    static boolean compareAndSetInt(MemorySegment mapping, long offset, int expected, int value) {
        mapping.get(ValueLayout.JAVA_BYTE, offset);
        return INT.compareAndSet(mapping, offset, expected, value);
    }
}
