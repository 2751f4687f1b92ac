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
 * Commit + touch + decommit of 1 GiB in 64 KiB steps, through mmf4j (commit, segment, one write per page,
 * decommit — the segment is invalidated each step; shared and confined) and through raw FFM downcalls of the
 * same syscalls; the C
 * program {@code src/main/c/vm_cycle.c} is the last column. One operation is the whole GiB.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1) // one operation is 16,384 steps: its loop is compiled during the first one
@Measurement(iterations = 2)
public class VmCycleBenchmark extends ForkedBenchmark {
    /** 1 GiB; 64 MiB in the harness's smoke test. */
    static final long GIB = Boolean.getBoolean(io.mmf4j.bench.harness.JmhSuite.SMOKE_PROPERTY) ? 64L << 20 : 1L << 30;
    static final long STEP = 64L << 10;
    static final long PAGE = 4096;

    private Region region;
    private long raw;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        region = VirtualMemory.reserve(GIB);
        raw = RawMman.mmap(0, GIB, RawMman.PROT_NONE, RawMman.MAP_RESERVE);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        region.close();
        RawMman.munmap(raw, GIB);
    }

    @Benchmark
    public void mmf4jCommitTouchDecommit() throws IOException {
        for (long offset = 0; offset < GIB; offset += STEP) {
            region.commit(offset, STEP, Protection.READ_WRITE);
            MemorySegment step = region.segment(offset, STEP);
            for (long page = 0; page < STEP; page += PAGE) {
                step.set(ValueLayout.JAVA_BYTE, page, (byte) 1);
            }
            region.decommit(offset, STEP);
        }
    }

    /** The same with a confined segment: its invalidation needs no handshake with the other threads. */
    @Benchmark
    public void mmf4jConfinedCommitTouchDecommit() throws IOException {
        for (long offset = 0; offset < GIB; offset += STEP) {
            region.commit(offset, STEP, Protection.READ_WRITE);
            MemorySegment step = region.confinedSegment(offset, STEP);
            for (long page = 0; page < STEP; page += PAGE) {
                step.set(ValueLayout.JAVA_BYTE, page, (byte) 1);
            }
            region.decommit(offset, STEP);
        }
    }

    /** Commit and decommit alone, no segment: the library's bookkeeping around the two syscalls. */
    @Benchmark
    public void mmf4jCommitDecommitOnly() throws IOException {
        for (long offset = 0; offset < GIB; offset += STEP) {
            region.commit(offset, STEP, Protection.READ_WRITE);
            region.decommit(offset, STEP);
        }
    }

    @Benchmark
    public void rawFfmCommitDecommitOnly() {
        for (long offset = 0; offset < GIB; offset += STEP) {
            long address = RawMman.mmap(raw + offset, STEP, RawMman.PROT_READ_WRITE, RawMman.MAP_COMMIT);
            RawMman.mmap(address, STEP, RawMman.PROT_NONE, RawMman.MAP_DECOMMIT);
        }
    }

    @Benchmark
    @SuppressWarnings("restricted") // the baseline: a raw segment over pages just committed
    public void rawFfmCommitTouchDecommit() {
        for (long offset = 0; offset < GIB; offset += STEP) {
            long address = RawMman.mmap(raw + offset, STEP, RawMman.PROT_READ_WRITE, RawMman.MAP_COMMIT);
            MemorySegment step = MemorySegment.ofAddress(address).reinterpret(STEP);
            for (long page = 0; page < STEP; page += PAGE) {
                step.set(ValueLayout.JAVA_BYTE, page, (byte) 1);
            }
            RawMman.mmap(address, STEP, RawMman.PROT_NONE, RawMman.MAP_DECOMMIT);
        }
    }
}
