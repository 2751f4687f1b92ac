package io.mmf4j.bench.vm;

import io.mmf4j.bench.harness.ForkedBenchmark;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access through {@code region.segment()} (a shared-arena segment) and {@code region.confinedSegment()} against a raw global-scope MemorySegment over
 * the same committed 1 MiB: a sequential long sum and a strided read-modify-write.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class VmAccessBenchmark extends ForkedBenchmark {
    static final long SIZE = 1L << 20;

    private Region region;
    private MemorySegment viaRegion;
    private MemorySegment viaRegionConfined;
    private MemorySegment raw;

    @Setup(Level.Trial)
    @SuppressWarnings("restricted") // the baseline: a raw segment over memory the region keeps committed
    public void setUp() throws IOException {
        region = VirtualMemory.allocate(SIZE, Protection.READ_WRITE);
        viaRegion = region.segment(0, SIZE);
        viaRegionConfined = region.confinedSegment(0, SIZE);
        raw = MemorySegment.ofAddress(region.address()).reinterpret(SIZE);
        viaRegion.fill((byte) 1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        region.close();
    }

    @Benchmark
    public long mmf4jSum() {
        return sum(viaRegion);
    }

    @Benchmark
    public long mmf4jConfinedSum() {
        return sum(viaRegionConfined);
    }

    @Benchmark
    public long rawSum() {
        return sum(raw);
    }

    @Benchmark
    public void mmf4jStridedIncrement() {
        increment(viaRegion);
    }

    @Benchmark
    public void rawStridedIncrement() {
        increment(raw);
    }

    private static long sum(MemorySegment segment) {
        long sum = 0;
        for (long i = 0; i < SIZE; i += 8) {
            sum += segment.get(ValueLayout.JAVA_LONG, i);
        }
        return sum;
    }

    private static void increment(MemorySegment segment) {
        for (long i = 0; i < SIZE; i += 64) {
            segment.set(ValueLayout.JAVA_LONG, i, segment.get(ValueLayout.JAVA_LONG, i) + 1);
        }
    }
}
