package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Create + close of a 1 MiB view, back to back, cycling over the 64 MiB of a page-cached file. mmf4j closes a
 * view's shared arena on its reaper thread; back to back, the reaper falls behind, its queue fills and the caller
 * closes arenas itself, so this is the cost of a burst, all threads included. {@link ViewCloseBench} measures the
 * close a caller sees when closes are spaced out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"})
public class ViewLifecycleBench {
    static final long VIEW = 1 << 20;
    static final int VIEWS = 64;

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

    @Benchmark
    public long mmf4jRead() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor(nextOffset(), VIEW, MemoryMappedFileAccess.READ)) {
            return view.capacity();
        }
    }

    /** A writable view's close flushes it (msync + fsync), even when nothing was written. */
    @Benchmark
    public long mmf4jReadWrite() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor(nextOffset(), VIEW, MemoryMappedFileAccess.READ_WRITE)) {
            return view.capacity();
        }
    }

    @Benchmark
    public long channelMapShared() throws IOException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, nextOffset(), VIEW, arena);
            return segment.byteSize();
        }
    }

    @Benchmark
    public long channelMapConfined() throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, nextOffset(), VIEW, arena);
            return segment.byteSize();
        }
    }
}
