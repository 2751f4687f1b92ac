package io.mmf4j.bench.growth;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedGrowingView;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * One operation is a batch of {@value #STEPS} growth steps of 1 MiB of a growing view over a persisted map:
 * {@code ensureSize(size + 1 MiB)} — the map's file grows with its space reserved (fallocate KEEP_SIZE, then a
 * 1-byte fallocate that raises the size) and the view hands out a larger segment (the file is mapped over the
 * view's whole reservation up front, so no mapping call is needed). Each batch starts from a new 1 MiB file
 * (made and deleted outside the timing) in a temp folder on disk, so no batch grows a file past 64 MiB. The C peer,
 * {@code growth_step.c}, does the same steps with fallocate + mremap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 400, batchSize = GrowthStepBench.STEPS) // ~25 000 calls: past C2 compilation
@Measurement(iterations = 200, batchSize = GrowthStepBench.STEPS)
public class GrowthStepBench extends ForkedBenchmark {
    static final int STEPS = 63;
    static final long STEP = 1L << 20;

    private Path dir;
    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedGrowingView view;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mmf4j-growth-step");
        file = dir.resolve("step.bin");
    }

    @Setup(Level.Iteration)
    public void newFile() throws IOException {
        map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, STEP);
        view = map.createGrowingView(0, (STEPS + 1) * STEP, MemoryMappedFileAccess.READ_WRITE);
    }

    @TearDown(Level.Iteration)
    public void dropFile() throws IOException {
        view.close();
        map.close();
        Files.delete(file);
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long growthStep() throws IOException {
        return view.ensureSize(view.size() + STEP);
    }
}
