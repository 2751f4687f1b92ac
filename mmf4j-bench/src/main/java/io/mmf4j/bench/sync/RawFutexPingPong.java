package io.mmf4j.bench.sync;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.internal.ffi.linux.Futex;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The raw FFM baseline of {@link EventPingPong}: the futex round trip of {@code ../shared/limits/blocking.c}, word
 * for word, in Java — a store, FUTEX_WAKE, and FUTEX_WAIT while the other word is unchanged — on two ints of a
 * named map, between two JVMs. What is left between this and the C floor is the JVM's; what is left between
 * this and EventPingPong is mmf4j's.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 *     io.mmf4j.bench.sync.RawFutexPingPong [roundTrips]
 * </pre>
 */
public final class RawFutexPingPong {
    private RawFutexPingPong() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String name = "bench-rawfutex-" + UUID.randomUUID();
        try (MemoryMappedFile map = MemoryMappedFile.createNew(name, 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            MemorySegment a = view.segment().asSlice(0, 4);
            MemorySegment b = view.segment().asSlice(64, 4);
            Process child = startChild(name, rounds);
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
            int warmup = Math.min(rounds / 5, 10_000);
            for (int i = 1; i <= rounds; i++) {
                long start = System.nanoTime();
                view.putIntVolatile(0, i);
                Futex.wake(a, 1);
                while (view.getIntVolatile(64) == i - 1) {
                    Futex.await(b, i - 1, -1);
                }
                if (i > warmup) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            if (!child.waitFor(30, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IOException("child failed");
            }
            System.out.printf("raw FFM futex ping-pong rtt ns: median %d p99 %d (n=%d)%n",
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getTotalCount());
        }
    }

    private static void child(String name, int rounds) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(name);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            MemorySegment a = view.segment().asSlice(0, 4);
            MemorySegment b = view.segment().asSlice(64, 4);
            for (int i = 1; i <= rounds; i++) {
                while (view.getIntVolatile(0) == i - 1) {
                    Futex.await(a, i - 1, -1);
                }
                view.putIntVolatile(64, i);
                Futex.wake(b, 1);
            }
        }
    }

    private static Process startChild(String name, int rounds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                RawFutexPingPong.class.getName(), "child", name, Integer.toString(rounds)));
        return new ProcessBuilder(command).inheritIO().start();
    }
}
