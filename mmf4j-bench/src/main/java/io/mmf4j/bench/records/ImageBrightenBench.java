package io.mmf4j.bench.records;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.RecordLayout;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
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
 * The .NET text's image loop: every pixel of a view is a {@code Color(short r, short g, short b, short a)} record,
 * read, brightened and written back, over {@code records} pixels (1 M = 8 MiB; 64 M = 512 MiB) of a sparse file
 * on disk in a temporary folder (page-cached after the first pass; deleted at the end). One operation is one pass
 * over the whole view. Contestants: the same eight {@code getShort}/{@code putShort} calls written by hand (the
 * peer), {@code view.read(i, Color.class)}/{@code view.write}, a {@link RecordLayout} kept in a static final field,
 * the layout's array calls in chunks of 1,024 records, and the codec mmf4j had before (method-handle trees in
 * instance fields, kept as {@link RecordCodec}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS) // 500 ms: at least 4 passes over the 512 MiB view per iteration
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
public class ImageBrightenBench extends ForkedBenchmark {
    /** A pixel, as in the README's example. */
    public record Color(short r, short g, short b, short a) {
        Color brighten(int amount) {
            return new Color(up(r, amount), up(g, amount), up(b, amount), up(a, amount));
        }

        static short up(short value, int amount) {
            return (short) Math.min(Short.MAX_VALUE, value + amount);
        }
    }

    static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class);
    private static final int CHUNK = 1024;

    @Param({"1048576", "67108864"})
    public int records;

    private Path dir;
    private MemoryMappedFile map;
    private MemoryMappedViewAccessor view;
    private long length;
    private final Color[] chunk = new Color[CHUNK];

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        length = 8L * records;
        dir = Files.createTempDirectory("mmf4j-records");
        Path image = dir.resolve("image.bin");
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), length - 1); // sparse: the first pass makes the pages
        }
        map = MemoryMappedFile.createFromFile(image, FileMode.OPEN);
        view = map.createViewAccessor(0, length);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        view.close();
        map.close();
        Files.deleteIfExists(dir.resolve("image.bin"));
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public void handWritten() {
        MemoryMappedViewAccessor v = view;
        for (long i = 0; i < length; i += 8) {
            int amount = 10;
            v.putShort(i, Color.up(v.getShort(i), amount));
            v.putShort(i + 2, Color.up(v.getShort(i + 2), amount));
            v.putShort(i + 4, Color.up(v.getShort(i + 4), amount));
            v.putShort(i + 6, Color.up(v.getShort(i + 6), amount));
        }
    }

    @Benchmark
    public void byClass() {
        MemoryMappedViewAccessor v = view;
        for (long i = 0; i < length; i += 8) {
            Color color = v.read(i, Color.class);
            v.write(i, color.brighten(10));
        }
    }

    @Benchmark
    public void byLayout() {
        MemoryMappedViewAccessor v = view;
        for (long i = 0; i < length; i += 8) {
            Color color = COLOR.read(v, i);
            COLOR.write(v, i, color.brighten(10));
        }
    }

    /** Diagnostic: n records per call, brightened in a Color[] of 1,024. */
    @Benchmark
    public void byLayoutArrays() {
        MemoryMappedViewAccessor v = view;
        Color[] colors = chunk;
        for (long i = 0; i < length; i += 8L * CHUNK) {
            int n = (int) Math.min(CHUNK, (length - i) / 8);
            COLOR.readArray(v, i, colors, 0, n);
            for (int k = 0; k < n; k++) {
                colors[k] = colors[k].brighten(10);
            }
            COLOR.writeArray(v, i, colors, 0, n);
        }
    }

    /** The codec before RecordLayout, called as the accessor called it (a ClassValue lookup, then the codec). */
    @Benchmark
    public void codecBefore() {
        MemorySegment segment = view.segment();
        for (long i = 0; i < length; i += 8) {
            Color color = RecordCodec.of(Color.class).read(segment, i, false, Color.class);
            RecordCodec.of(Color.class).write(segment, i, false, color.brighten(10));
        }
    }
}
