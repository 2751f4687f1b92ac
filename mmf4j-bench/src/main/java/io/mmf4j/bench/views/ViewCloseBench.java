package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The close alone, as the closing thread sees it when closes are spaced out: each invocation's (unmeasured) set-up
 * maps a fresh 1 MiB view, then pauses 300 µs so that mmf4j's reaper has closed the previous view's arena.
 * Against it: closing a shared and a confined arena directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ViewCloseBench extends ForkedBenchmark {
    private Path file;
    private MemoryMappedFile map;
    private FileChannel channel;
    private int next;
    private MemoryMappedViewAccessor view;
    private Arena arena;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = BenchFiles.filled("mmf4j-close", ViewLifecycleBench.VIEW * ViewLifecycleBench.VIEWS);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Setup(Level.Invocation)
    public void open(BenchmarkParams params) throws IOException {
        next = (next + 1) % ViewLifecycleBench.VIEWS;
        long offset = next * ViewLifecycleBench.VIEW;
        String name = params.getBenchmark();
        if (name.endsWith("mmf4jReadClose")) {
            view = map.createViewAccessor(offset, ViewLifecycleBench.VIEW, MemoryMappedFileAccess.READ);
        } else if (name.endsWith("mmf4jReadWriteClose")) {
            view = map.createViewAccessor(offset, ViewLifecycleBench.VIEW, MemoryMappedFileAccess.READ_WRITE);
        } else {
            arena = name.endsWith("confinedArenaClose") ? Arena.ofConfined() : Arena.ofShared();
            channel.map(FileChannel.MapMode.READ_ONLY, offset, ViewLifecycleBench.VIEW, arena);
        }
        LockSupport.parkNanos(300_000);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        map.close();
        channel.close();
        BenchFiles.delete(file);
    }

    @Benchmark
    public void mmf4jReadClose() throws IOException {
        view.close();
    }

    /** Includes the flush of a writable view's close: msync + fdatasync of a clean 1 MiB window. */
    @Benchmark
    public void mmf4jReadWriteClose() throws IOException {
        view.close();
    }

    @Benchmark
    public void sharedArenaClose() {
        arena.close();
    }

    @Benchmark
    public void confinedArenaClose() {
        arena.close();
    }
}
