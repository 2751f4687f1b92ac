package io.mmf4j.bench.heap;

import io.mmf4j.heap.Heap;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.function.LongConsumer;

/**
 * The random workload, the same as {@code src/main/c/heap_peer.c}: {@code live} blocks at peak (the goal:
 * 1,000,000), sizes 16 B to 4 KiB (an octave {@code 16 << e} with e uniform in 0..7, then uniform within it: small
 * blocks dominate, the mean is 765 B), random lifetimes (fill {@code live} slots, then 3 times as often free a
 * random slot and allocate into it, then free all). splitmix64 from seed 42 on both sides. Every block gets 8 bytes
 * written. One run is {@code 4 * live} alloc+free pairs.
 *
 * <p>Not thread-safe: one run per instance at a time.
 */
public final class RandomWorkload {
    static final int SAMPLE = 65536;

    /** The allocators measured. */
    public enum Kind { HEAP, HEAP_NO_SERIALIZE, FFM_MALLOC, CONFINED_ARENA }

    private final int liveCount;
    private final MemorySegment[] slots;
    private final Arena[] arenas;
    private final long[] sizes;
    private final Kind kind;
    private final Heap heap;
    private long state;
    long live;
    long peakLive;

    RandomWorkload(Kind kind, Heap heap, int live) {
        this.kind = kind;
        this.heap = heap;
        this.liveCount = live;
        this.slots = new MemorySegment[live];
        this.sizes = new long[live];
        this.arenas = kind == Kind.CONFINED_ARENA ? new Arena[live] : null;
    }

    /** The alloc+free pairs of one run with {@code live} blocks at peak. */
    static long pairs(int live) {
        return 4L * live;
    }

    /** Runs the workload once; {@code sample} is called with the live bytes every SAMPLE operations. */
    long run(LongConsumer sample) {
        state = 42;
        live = 0;
        long check = 0;
        for (int i = 0; i < liveCount; i++) {
            place(i, nextSize(), i);
        }
        for (int i = 0; i < 3 * liveCount; i++) {
            if ((i & (SAMPLE - 1)) == 0) {
                peakLive = Math.max(peakLive, live);
                sample.accept(live);
            }
            int at = (int) Long.remainderUnsigned(next(), liveCount);
            check += slots[at].address();
            release(at);
            place(at, nextSize(), i);
        }
        for (int i = 0; i < liveCount; i++) {
            release(i);
        }
        return check;
    }

    private void place(int at, long size, long value) {
        MemorySegment block = switch (kind) {
            case HEAP, HEAP_NO_SERIALIZE -> heap.allocate(size);
            case FFM_MALLOC -> FfmMalloc.malloc(size);
            case CONFINED_ARENA -> (arenas[at] = Arena.ofConfined()).allocate(size, 16);
        };
        block.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, value);
        slots[at] = block;
        sizes[at] = size;
        live += size;
    }

    private void release(int at) {
        switch (kind) {
            case HEAP, HEAP_NO_SERIALIZE -> heap.free(slots[at]);
            case FFM_MALLOC -> FfmMalloc.free(slots[at]);
            case CONFINED_ARENA -> arenas[at].close();
        }
        live -= sizes[at];
        slots[at] = null;
    }

    private long nextSize() {
        long r = next();
        int e = (int) (r & 7);
        return (16L << e) + Long.remainderUnsigned(r >>> 3, 16L << e);
    }

    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
