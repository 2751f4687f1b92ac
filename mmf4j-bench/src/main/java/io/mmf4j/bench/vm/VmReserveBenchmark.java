package io.mmf4j.bench.vm;

import io.mmf4j.bench.harness.ForkedBenchmark;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Reserve + release of 1 GiB of address space: mmf4j's Region against raw FFM mmap/munmap (and C, vm_cycle.c). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class VmReserveBenchmark extends ForkedBenchmark {
    static final long GIB = 1L << 30;

    @Benchmark
    public long mmf4jReserveRelease() throws IOException {
        Region region = VirtualMemory.reserve(GIB);
        long address = region.address();
        region.close();
        return address;
    }

    @Benchmark
    public long rawFfmReserveRelease() {
        long address = RawMman.mmap(0, GIB, RawMman.PROT_NONE, RawMman.MAP_RESERVE);
        RawMman.munmap(address, GIB);
        return address;
    }
}
