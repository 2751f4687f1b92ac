package io.mmf4j.bench.heap;

import io.mmf4j.bench.harness.ForkedBenchmark;
import io.mmf4j.heap.Heap;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of one serialised heap shared by one and by two threads: each thread keeps a ring of 64 live blocks
 * of 16..1024 bytes, freeing the oldest as it allocates a new one. The goal: two threads at least 1.5 times one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 1000, timeUnit = TimeUnit.MILLISECONDS)
public class HeapThreadsBenchmark extends ForkedBenchmark {
    @State(Scope.Benchmark)
    public static class Shared {
        Heap heap;

        @Setup(Level.Trial)
        public void setUp() {
            heap = Heap.create(0, 0);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            heap.close();
        }
    }

    @State(Scope.Thread)
    public static class Ring {
        final MemorySegment[] blocks = new MemorySegment[64];
        int next;
        long seed = System.nanoTime(); // the ring's last blocks go with the heap's close
    }

    private static long step(Shared shared, Ring ring) {
        Heap heap = shared.heap;
        int at = ring.next++ & 63;
        if (ring.blocks[at] != null) {
            heap.free(ring.blocks[at]);
        }
        ring.seed = ring.seed * 6364136223846793005L + 1442695040888963407L;
        MemorySegment block = heap.allocate(16 + ((ring.seed >>> 40) & 1008));
        block.set(ValueLayout.JAVA_LONG, 0, ring.seed);
        ring.blocks[at] = block;
        return block.address();
    }

    @Benchmark
    @Threads(1)
    public long oneThread(Shared shared, Ring ring) {
        return step(shared, ring);
    }

    @Benchmark
    @Threads(2)
    public long twoThreads(Shared shared, Ring ring) {
        return step(shared, ring);
    }
}
