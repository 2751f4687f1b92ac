package io.mmf4j.bench.growth;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedGrowingView;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
 * One operation appends {@code mib} MiB of 256-byte records to a new, empty file in a temp folder on disk (never
 * /dev/shm), the file growing as it goes: through a {@link MemoryMappedGrowingView} that grows the map 64 MiB at a
 * time; with one {@code FileChannel.write} per record; through a {@code MappedByteBuffer} re-mapped for each 64 MiB
 * chunk (mapping past the end grows the file). The appends land in the page cache; durability is not timed: after
 * each operation the file is truncated to nothing (so the GiB is never written back to the shared disk) and deleted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2) // one 4-million-iteration loop is compiled within its first milliseconds
public class AppendBench extends ForkedBenchmark {
    static final int RECORD = 256;
    static final long CHUNK = 64L << 20;

    @Param("1024")
    public int mib;

    private Path dir;
    private Path file;
    private long records;
    private final byte[] record = new byte[RECORD];
    private final MemorySegment recordSegment = MemorySegment.ofArray(record);
    private final ByteBuffer direct = ByteBuffer.allocateDirect(RECORD);
    private MemoryMappedFile map;
    private MemoryMappedGrowingView view;
    private FileChannel channel;

    @Setup(Level.Trial)
    public void setUpTrial() throws IOException {
        dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "mmf4j-growth-append");
        records = ((long) mib << 20) / RECORD;
        for (int i = 0; i < RECORD; i++) {
            record[i] = (byte) (i * 31 + 7);
        }
        direct.put(record).flip();
    }

    @Setup(Level.Iteration)
    public void newFile() {
        file = dir.resolve("append.bin");
    }

    @TearDown(Level.Iteration)
    public void dropFile() throws IOException {
        if (Files.exists(file)) {
            try (FileChannel truncate = FileChannel.open(file, StandardOpenOption.WRITE)) {
                truncate.truncate(0); // the page cache drops the appends: nothing goes to disk
            }
        }
        if (view != null) {
            view.close();
            view = null;
        }
        if (map != null) {
            map.close();
            map = null;
        }
        if (channel != null) {
            channel.close();
            channel = null;
        }
        Files.deleteIfExists(file);
    }

    @TearDown(Level.Trial)
    public void tearDownTrial() throws IOException {
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public long growingView() throws IOException {
        map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, CHUNK);
        view = map.createGrowingView(0, records * RECORD, MemoryMappedFileAccess.READ_WRITE);
        long end = 0;
        for (long i = 0; i < records; i++) {
            if (end + RECORD > view.size()) {
                view.ensureSize(Math.min(records * RECORD, view.size() + CHUNK));
            }
            MemorySegment.copy(recordSegment, 0, view.segment(), end, RECORD);
            end += RECORD;
        }
        return end;
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1) // ~4 million write calls: 5-20 s a GiB on this machine; once a round is enough
    public long fileChannelWrite() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        long end = 0;
        for (long i = 0; i < records; i++) {
            direct.rewind();
            end += channel.write(direct);
        }
        return end;
    }

    @Benchmark
    public long mappedByteBufferPerChunk() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long end = 0;
        MappedByteBuffer buffer = null;
        for (long i = 0; i < records; i++) {
            if (buffer == null || !buffer.hasRemaining()) {
                buffer = channel.map(FileChannel.MapMode.READ_WRITE, end, Math.min(CHUNK, records * RECORD - end));
            }
            buffer.put(record);
            end += RECORD;
        }
        return end;
    }

}
