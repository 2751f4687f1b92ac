package io.mmf4j.bench.vm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The raw FFM baseline: mmap and munmap as bare downcalls, no errno capture, no checks, no state — what a
 * hand-written FFM program would call. The benchmarks set it beside mmf4j and the C program.
 */
@SuppressWarnings("restricted") // the baseline builds its own downcalls, as a hand-written FFM program would
final class RawMman {
    static final int PROT_NONE = 0;
    static final int PROT_READ_WRITE = 3;
    static final int MAP_RESERVE = 0x02 | 0x20 | 0x4000; // MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE
    static final int MAP_COMMIT = 0x02 | 0x20 | 0x10;    // MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED
    static final int MAP_DECOMMIT = MAP_RESERVE | 0x10;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().find("mmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(
            LINKER.defaultLookup().find("munmap").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));

    private RawMman() {}

    static long mmap(long address, long length, int prot, int flags) {
        try {
            long result = (long) MMAP.invokeExact(address, length, prot, flags, -1, 0L);
            if (result == -1L) {
                throw new IllegalStateException("mmap failed");
            }
            return result;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static void munmap(long address, long length) {
        try {
            if ((int) MUNMAP.invokeExact(address, length) != 0) {
                throw new IllegalStateException("munmap failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
