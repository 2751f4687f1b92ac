package io.mmf4j.bench.sharedheap;

import io.mmf4j.bench.harness.ForkedBenchmark;
import io.mmf4j.heap.SharedHeap;
import io.mmf4j.bench.harness.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link SharedHeap} against Boost.Interprocess's {@code managed_shared_memory} (boost_shared_heap.cpp, same sizes and
 * names): allocate(64) + free, uncontended and with a second process doing the same on the same heap
 * ({@link SharedHeapContender}), and the lookup of a named block among 16.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SharedHeapBench extends ForkedBenchmark {
    /** A 16 MiB named heap with 16 named blocks. */
    @State(Scope.Benchmark)
    public static class Heap {
        SharedHeap heap;
        String name;

        @Setup
        public void setUp() throws IOException {
            name = "bench-heap-" + UUID.randomUUID();
            heap = SharedHeap.createNew(name, 16 << 20);
            for (int k = 0; k < 16; k++) {
                heap.findOrCreate("key" + k, 8, block -> { });
            }
        }

        @TearDown
        public void tearDown() throws IOException {
            heap.close();
        }
    }

    /** The heap of {@link Heap}, with a second process allocating and freeing in it all the while. */
    @State(Scope.Benchmark)
    public static class Contended {
        // The heap is held, not inherited: JMH runs the @Setup/@TearDown methods of a state's class hierarchy in an
        // order of its own, and an overriding setUp ran twice, leaking a heap and a contender.
        final Heap shared = new Heap();
        private Process contender;

        @Setup
        public void setUp() throws IOException {
            shared.setUp();
            contender = ChildJvm.start(SharedHeapContender.class, shared.name);
            String line = new BufferedReader(new InputStreamReader(contender.getInputStream())).readLine();
            if (!"ready".equals(line)) {
                throw new IOException("the contender did not start: " + line);
            }
        }

        @TearDown
        public void tearDown() throws IOException {
            contender.destroyForcibly();
            try {
                contender.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shared.tearDown();
        }
    }

    @Benchmark
    public void allocateFree(Heap state) {
        state.heap.free(state.heap.allocate(64));
    }

    @Benchmark
    public long lookup(Heap state) {
        return state.heap.lookup("key7");
    }

    @Benchmark
    public void allocateFreeContended(Contended state) {
        state.shared.heap.free(state.shared.heap.allocate(64));
    }
}
