package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
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
 * The flat-file database of the Win32 article: {@code records} records of 125 bytes in one file. Each operation
 * picks a random record and does a read-modify-write of its 8-byte counter at offset 8 (unaligned, as 125-byte
 * records are). Every peer reads and writes the same 8 bytes of the same file: the mapped peers in place, the
 * file-I/O peers with one positional read and one positional write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS) // random access over 125 MB: TLB and cache misses need longer iterations
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class FlatFileDatabaseBench extends ForkedBenchmark {
    static final int RECORD = 125;
    static final int COUNTER = 8;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @Param("1000000")
    public int records;

    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedViewAccessor accessor;
    private Arena arena;
    private MemorySegment segment;
    private MappedByteBuffer buffer;
    private UnsafeBuffer agrona;
    private RandomAccessFile raf;
    private FileChannel channel;
    private final byte[] rafBytes = new byte[8];
    private final ByteBuffer channelBytes = ByteBuffer.allocateDirect(8).order(ByteOrder.LITTLE_ENDIAN);
    private long seed = 0x2545F4914F6CDD1DL;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        long size = (long) records * RECORD;
        file = BenchFiles.filled("mmf4j-flatdb", size);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        accessor = map.createViewAccessor();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        arena = Arena.ofShared();
        segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
        agrona = new UnsafeBuffer(segment.address(), Math.toIntExact(size));
        buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, size);
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        raf = new RandomAccessFile(file.toFile(), "rw");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        accessor.close();
        map.close();
        arena.close();
        channel.close();
        raf.close();
        BenchFiles.delete(file);
    }

    /** The position of the counter of a random record (xorshift: the same cost for every peer). */
    private long nextPosition() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return Long.remainderUnsigned(x, records) * RECORD + COUNTER;
    }

    @Benchmark
    public long accessor() {
        long p = nextPosition();
        long value = accessor.getLong(p) + 1;
        accessor.putLong(p, value);
        return value;
    }

    @Benchmark
    public long rawSegment() {
        long p = nextPosition();
        long value = segment.get(LONG, p) + 1;
        segment.set(LONG, p, value);
        return value;
    }

    @Benchmark
    public long agronaUnsafeBuffer() {
        int p = (int) nextPosition();
        long value = agrona.getLong(p, ByteOrder.LITTLE_ENDIAN) + 1;
        agrona.putLong(p, value, ByteOrder.LITTLE_ENDIAN);
        return value;
    }

    @Benchmark
    public long mappedByteBuffer() {
        int p = (int) nextPosition();
        long value = buffer.getLong(p) + 1;
        buffer.putLong(p, value);
        return value;
    }

    @Benchmark
    public long fileChannel() throws IOException {
        long p = nextPosition();
        channelBytes.clear();
        channel.read(channelBytes, p);
        long value = channelBytes.getLong(0) + 1;
        channelBytes.clear();
        channelBytes.putLong(0, value);
        channel.write(channelBytes, p);
        return value;
    }

    @Benchmark
    public long randomAccessFile() throws IOException {
        long p = nextPosition();
        raf.seek(p);
        raf.readFully(rafBytes);
        MemorySegment bytes = MemorySegment.ofArray(rafBytes);
        long value = bytes.get(LONG, 0) + 1;
        bytes.set(LONG, 0, value);
        raf.seek(p);
        raf.write(rafBytes);
        return value;
    }
}
