package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * One operation reads the whole warm file ({@code mib} MiB, page-cached and already mapped) front to back in
 * 64 KiB chunks into one {@code byte[]} (a direct buffer for FileChannel), touching one byte per chunk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS) // ~80 ms an operation: the harness's 300 ms iterations hold 3-4
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class SequentialReadBench extends ForkedBenchmark {
    private static final int CHUNK = 64 << 10;

    @Param("1024")
    public int mib;

    private long size;
    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedViewStream stream;
    private InputStream input;
    private FileChannel channel;
    private Arena arena;
    private MemorySegment segment;
    private MappedByteBuffer buffer;
    private final byte[] chunk = new byte[CHUNK];
    private final ByteBuffer direct = ByteBuffer.allocateDirect(CHUNK);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        size = (long) mib << 20;
        file = BenchFiles.filled("mmf4j-seq", size);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
        stream = map.createViewStream(0, 0, MemoryMappedFileAccess.READ);
        input = stream.asInputStream();
        channel = FileChannel.open(file, StandardOpenOption.READ);
        arena = Arena.ofShared();
        segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        stream.close();
        map.close();
        arena.close();
        channel.close();
        BenchFiles.delete(file);
    }

    @Benchmark
    public long viewStream() throws IOException {
        stream.position(0);
        long sum = 0;
        int n;
        while ((n = input.read(chunk, 0, CHUNK)) > 0) {
            sum += chunk[n - 1];
        }
        return sum;
    }

    @Benchmark
    public long segmentCopy() {
        long sum = 0;
        for (long p = 0; p < size; p += CHUNK) {
            int n = (int) Math.min(CHUNK, size - p);
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, p, chunk, 0, n);
            sum += chunk[n - 1];
        }
        return sum;
    }

    @Benchmark
    public long fileChannelRead() throws IOException {
        long sum = 0;
        long p = 0;
        int n;
        while ((n = channel.read(direct.clear(), p)) > 0) {
            p += n;
            sum += direct.get(n - 1);
        }
        return sum;
    }

    @Benchmark
    public long mappedByteBuffer() {
        long sum = 0;
        int limit = buffer.capacity();
        for (int p = 0; p < limit; p += CHUNK) {
            int n = Math.min(CHUNK, limit - p);
            buffer.get(p, chunk, 0, n);
            sum += chunk[n - 1];
        }
        return sum;
    }
}
