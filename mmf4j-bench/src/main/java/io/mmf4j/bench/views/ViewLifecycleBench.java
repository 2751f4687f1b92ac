package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Create + touch + close of a 1 MiB view, back to back, cycling over the 64 MiB of a page-cached file: the view is
 * mapped, one byte of every page is read, and the view is closed. {@code view_cycle.c} makes the same syscalls in C
 * (for a writable view also the msync + fdatasync its close makes); the peers are FileChannel.map with a shared and
 * a confined arena. mmf4j maps views into generation arenas of 64 views; the close of a generation's last view
 * pays its handshake and unmaps in line, so this is the cost of a burst, every 64th close included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViewLifecycleBench extends ForkedBenchmark {
    static final long VIEW = 1 << 20;
    static final int VIEWS = 64;
    static final long PAGE = 4096;

    private Path file;
    private MemoryMappedFile map;
    private FileChannel channel;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = BenchFiles.filled("mmf4j-views", VIEW * VIEWS);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        map.close();
        channel.close();
        BenchFiles.delete(file);
    }

    private long nextOffset() {
        next = (next + 1) % VIEWS;
        return next * VIEW;
    }

    /** One byte of every page, through the accessor. */
    static long touch(MemoryMappedViewAccessor view) {
        long sum = 0;
        for (long p = 0; p < VIEW; p += PAGE) {
            sum += view.getByte(p);
        }
        return sum;
    }

    static long touch(MemorySegment segment) {
        long sum = 0;
        for (long p = 0; p < VIEW; p += PAGE) {
            sum += segment.get(ValueLayout.JAVA_BYTE, p);
        }
        return sum;
    }

    @Benchmark
    public long mmf4jRead() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor(nextOffset(), VIEW, MemoryMappedFileAccess.READ)) {
            return touch(view);
        }
    }

    /** A writable view's close flushes it (msync + fdatasync), even when nothing was written. */
    @Benchmark
    public long mmf4jReadWrite() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor(nextOffset(), VIEW, MemoryMappedFileAccess.READ_WRITE)) {
            return touch(view);
        }
    }

    @Benchmark
    public long channelMapShared() throws IOException {
        try (Arena arena = Arena.ofShared()) {
            return touch(channel.map(FileChannel.MapMode.READ_ONLY, nextOffset(), VIEW, arena));
        }
    }

    @Benchmark
    public long channelMapConfined() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            return touch(channel.map(FileChannel.MapMode.READ_ONLY, nextOffset(), VIEW, arena));
        }
    }
}
