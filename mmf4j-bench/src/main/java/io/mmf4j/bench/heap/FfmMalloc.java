package io.mmf4j.bench.heap;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The FFM peer: glibc malloc and free as bare downcalls, and the segment a hand-written FFM program makes over the
 * result ({@code ofAddress(p).reinterpret(size)}) to touch it.
 */
@SuppressWarnings("restricted") // the peer builds its own downcalls and segments, as a hand-written FFM program would
final class FfmMalloc {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().find("malloc").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), Linker.Option.critical(false));
    private static final MethodHandle FREE = LINKER.downcallHandle(LINKER.defaultLookup().find("free").orElseThrow(),
            FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG), Linker.Option.critical(false));

    private FfmMalloc() {}

    static MemorySegment malloc(long size) {
        try {
            long p = (long) MALLOC.invokeExact(size);
            if (p == 0) {
                throw new OutOfMemoryError("malloc(" + size + ")");
            }
            return MemorySegment.ofAddress(p).reinterpret(size);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void free(MemorySegment block) {
        try {
            FREE.invokeExact(block.address());
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
