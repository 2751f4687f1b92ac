package io.mmf4j.bench.heap;

import io.mmf4j.bench.harness.ForkedBenchmark;
import io.mmf4j.heap.Heap;
import io.mmf4j.heap.HeapOption;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One alloc + free pair of {@code size} bytes, with 8 bytes written into the block: a serialised mmf4j heap, a
 * NO_SERIALIZE one, glibc malloc/free through FFM downcalls, and a confined arena per block. The C peer is
 * {@code heap_peer pairs SIZE}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 300, timeUnit = TimeUnit.MILLISECONDS) // a pair is ~10-50 ns: compiled within the first ~50 ms
@Measurement(iterations = 3, time = 300, timeUnit = TimeUnit.MILLISECONDS)
public class HeapPairsBenchmark extends ForkedBenchmark {
    @Param({"16", "64", "256", "1024"})
    public long size;

    private Heap serialised;
    private Heap confined;
    private long counter;

    @Setup(Level.Trial)
    public void setUp() {
        serialised = Heap.create(0, 0);
        confined = Heap.create(0, 0, HeapOption.NO_SERIALIZE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        serialised.close();
        confined.close();
    }

    @Benchmark
    public long heap() {
        MemorySegment block = serialised.allocate(size);
        block.set(ValueLayout.JAVA_LONG, 0, counter++);
        serialised.free(block);
        return block.address();
    }

    @Benchmark
    public long heapNoSerialize() {
        MemorySegment block = confined.allocate(size);
        block.set(ValueLayout.JAVA_LONG, 0, counter++);
        confined.free(block);
        return block.address();
    }

    @Benchmark
    public long ffmMalloc() {
        MemorySegment block = FfmMalloc.malloc(size);
        block.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, counter++);
        FfmMalloc.free(block);
        return block.address();
    }

    @Benchmark
    public long confinedArena() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = arena.allocate(size, 16);
            block.set(ValueLayout.JAVA_LONG, 0, counter++);
            return block.address();
        }
    }
}
