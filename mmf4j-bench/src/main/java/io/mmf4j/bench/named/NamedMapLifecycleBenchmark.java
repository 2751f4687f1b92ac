package io.mmf4j.bench.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
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
 * The cost of a named map's life cycle against doing the same steps by hand with {@code FileChannel} on a
 * /dev/shm file: create + map 1 MiB + touch one byte + close (+ unlink), and open an existing one + map + close.
 * mmf4j also reserves the whole MiB (fallocate), writes its header and holder lock, and publishes the name
 * atomically; the FileChannel peer makes a sparse file.
 *
 * {@snippet :
 * // java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 * //      org.openjdk.jmh.Main 'named.NamedMapLifecycleBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NamedMapLifecycleBenchmark {
    private static final long SIZE = 1 << 20;

    private Path root;
    private SharedNamespace createSpace;
    private SharedNamespace openSpace;
    private MemoryMappedFile held;
    private Path channelFile;
    private Path heldFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-bench");
        createSpace = SharedNamespace.at(root.resolve("create"));
        openSpace = SharedNamespace.at(root.resolve("open"));
        held = MemoryMappedFile.createNew(openSpace, "held", SIZE, MemoryMappedFileAccess.READ_WRITE);
        channelFile = root.resolve("channel.bin");
        heldFile = root.resolve("held.bin");
        try (FileChannel channel = FileChannel.open(heldFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), SIZE - 1);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        held.close();
        Files.deleteIfExists(heldFile);
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public byte mmf4jCreateNewViewClose() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(createSpace, "fresh", SIZE, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(4096, (byte) 1);
            return view.getByte(4096);
        }
    }

    /** As the FileChannel peer does, commits nothing up front (pages come at first touch). */
    @Benchmark
    public byte mmf4jCreateNewDelayedViewClose() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(createSpace, "fresh", SIZE, MemoryMappedFileAccess.READ_WRITE,
                MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(4096, (byte) 1);
            return view.getByte(4096);
        }
    }

    @Benchmark
    public byte mmf4jOpenExistingViewClose() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(openSpace, "held", MemoryMappedFileRights.READ_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            return view.getByte(4096);
        }
    }

    @Benchmark
    public byte fileChannelCreateMapClose() throws IOException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment;
            try (FileChannel channel = FileChannel.open(channelFile, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(1), SIZE - 1);
                segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
            }
            segment.set(ValueLayout.JAVA_BYTE, 4096, (byte) 1);
            return segment.get(ValueLayout.JAVA_BYTE, 4096);
        } finally {
            Files.delete(channelFile);
        }
    }

    @Benchmark
    public byte fileChannelOpenMapClose() throws IOException {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment segment;
            try (FileChannel channel = FileChannel.open(heldFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
            }
            return segment.get(ValueLayout.JAVA_BYTE, 4096);
        }
    }
}
