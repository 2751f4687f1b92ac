package io.mmf4j.bench.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Cross-process ping-pong round trip over shared memory, between this JVM and a child JVM it starts, both
 * busy-spinning: {@code ping} stores round i at offset 0 with release, {@code pong} answers i at offset 64
 * (another cache line). Two variants: {@code mmf4j} (a named map, acquire/release through the accessor) and
 * {@code raw} (plain FFM: a /dev/shm file mapped by {@code FileChannel.map(..., Arena)} and a VarHandle).
 * Compare with the C floor of {@code shared/limits/pingpong.c}.
 *
 * {@snippet :
 * // java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 * //      io.mmf4j.bench.named.PingPong mmf4j 200000
 * }
 *
 * Prints one line: variant, median and p99 round trip in ns. Not thread-safe; a main program.
 */
public final class PingPong {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long PING = 0;
    private static final long PONG = 64;

    private PingPong() {}

    /** One side's view of the two slots. */
    private interface Slots extends AutoCloseable {
        long getAcquire(long offset);

        void setRelease(long offset, long value);

        @Override
        void close() throws IOException;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("pong")) {
            try (Slots slots = open(args[1], args[2])) {
                long rounds = Long.parseLong(args[3]);
                for (long i = 1; i <= rounds; i++) {
                    while (slots.getAcquire(PING) != i) {
                        Thread.onSpinWait();
                    }
                    slots.setRelease(PONG, i);
                }
            }
            return;
        }
        String variant = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int warmup = rounds / 2;
        String where = variant.equals("raw") ? "/dev/shm/mmf4j-bench-" + UUID.randomUUID() : "bench-" + UUID.randomUUID();
        try (Slots slots = create(variant, where)) {
            Process pong = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    PingPong.class.getName(), "pong", variant, where, Integer.toString(warmup + rounds)))
                    .inheritIO().start();
            Histogram histogram = new Histogram(3);
            for (long i = 1; i <= warmup + rounds; i++) {
                long start = System.nanoTime();
                slots.setRelease(PING, i);
                while (slots.getAcquire(PONG) != i) {
                    Thread.onSpinWait();
                }
                if (i > warmup) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            if (!pong.waitFor(30, TimeUnit.SECONDS) || pong.exitValue() != 0) {
                throw new IllegalStateException("pong failed");
            }
            System.out.printf("%s pingpong rtt ns: median %d p99 %d%n", variant,
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99));
        } finally {
            if (variant.equals("raw")) {
                Files.deleteIfExists(Path.of(where));
            }
        }
    }

    private static Slots create(String variant, String where) throws IOException {
        if (variant.equals("raw")) {
            return raw(Path.of(where), true);
        }
        MemoryMappedFile map = MemoryMappedFile.createNew(where, 4096, MemoryMappedFileAccess.READ_WRITE);
        return mmf4j(map);
    }

    private static Slots open(String variant, String where) throws IOException {
        if (variant.equals("raw")) {
            return raw(Path.of(where), false);
        }
        return mmf4j(MemoryMappedFile.openExisting(where, MemoryMappedFileRights.READ_WRITE));
    }

    private static Slots mmf4j(MemoryMappedFile map) throws IOException {
        MemoryMappedViewAccessor view = map.createViewAccessor();
        return new Slots() {
            @Override
            public long getAcquire(long offset) {
                return view.getLongAcquire(offset);
            }

            @Override
            public void setRelease(long offset, long value) {
                view.putLongRelease(offset, value);
            }

            @Override
            public void close() throws IOException {
                view.close();
                map.close();
            }
        };
    }

    private static Slots raw(Path file, boolean create) throws IOException {
        Arena arena = Arena.ofShared();
        MemorySegment segment;
        try (FileChannel channel = create
                ? FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, 4096, arena);
        }
        return new Slots() {
            @Override
            public long getAcquire(long offset) {
                return (long) LONG.getAcquire(segment, offset);
            }

            @Override
            public void setRelease(long offset, long value) {
                LONG.setRelease(segment, offset, value);
            }

            @Override
            public void close() {
                arena.close();
            }
        };
    }
}
