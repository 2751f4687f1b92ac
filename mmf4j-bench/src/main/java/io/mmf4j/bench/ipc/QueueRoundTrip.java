package io.mmf4j.bench.ipc;

import io.mmf4j.SharedNamespace;
import io.mmf4j.ipc.MessageQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Round trips between this JVM and a child JVM over two mmf4j message queues (ping one way, pong back), 8-byte
 * messages, recorded in an HdrHistogram after a warm-up.
 *
 * <ul>
 * <li>{@code spin}: both sides busy-poll with {@code trySend}/{@code tryReceive}, the shape of {@code pingpong.c}.</li>
 * <li>{@code blocking}: both sides wait in {@code receive()} with the user-space spin off
 *     ({@code -Dmmf4j.queue.spinNanos=0}), so every message is sent to a consumer asleep in the kernel: the
 *     shape of {@code blocking.c}'s futex round trip.</li>
 * </ul>
 *
 * {@snippet lang = "shell" :
 * taskset -c 0 java -Dmmf4j.queue.spinNanos=0 --enable-native-access=ALL-UNNAMED \
 *     -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' io.mmf4j.bench.ipc.QueueRoundTrip blocking 50000 1
 * }
 *
 * Prints one line: mode, median and p99 round trip in ns. A main program; not thread-safe.
 */
public final class QueueRoundTrip {
    private QueueRoundTrip() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("pong")) {
            pong(args[1], Path.of(args[2]), Long.parseLong(args[3]));
            return;
        }
        String mode = args[0];
        int rounds = Integer.parseInt(args[1]);
        String cpu = args.length > 2 ? args[2] : "1";
        int warmup = Math.max(10_000, rounds / 2);
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-qrtt");
        SharedNamespace ns = SharedNamespace.at(dir.resolve("ns"));
        try (MessageQueue ping = MessageQueue.createNew(ns, "ping", 16, 8);
             MessageQueue pong = MessageQueue.createNew(ns, "pong", 16, 8);
             Arena arena = Arena.ofConfined()) {
            Process child = new ProcessBuilder(List.of("taskset", "-c", cpu,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dmmf4j.queue.spinNanos=" + System.getProperty("mmf4j.queue.spinNanos", "20000"),
                    "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                    QueueRoundTrip.class.getName(), "pong", mode, dir.resolve("ns").toString(),
                    Long.toString(warmup + rounds))).inheritIO().start();
            try {
                MemorySegment message = arena.allocate(8, 8);
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                boolean spin = mode.equals("spin");
                for (long i = 1; i <= warmup + rounds; i++) {
                    message.set(ValueLayout.JAVA_LONG, 0, i);
                    long start = System.nanoTime();
                    byte[] answer;
                    if (spin) {
                        while (!ping.trySend(message)) {
                            Thread.onSpinWait();
                        }
                        while ((answer = pong.tryReceive()) == null) {
                            Thread.onSpinWait();
                        }
                    } else {
                        ping.send(message);
                        answer = pong.receive();
                    }
                    long rtt = System.nanoTime() - start;
                    if (answer.length != 8) {
                        throw new IllegalStateException("bad answer");
                    }
                    if (i > warmup) {
                        histogram.recordValue(Math.min(rtt, histogram.getHighestTrackableValue()));
                    }
                }
                if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                    throw new IllegalStateException("the pong child failed");
                }
                System.out.printf("mmf4j queue %s rtt ns: median %d p99 %d%n", mode,
                        histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99));
            } finally {
                child.destroyForcibly();
            }
        } finally {
            Files.deleteIfExists(dir.resolve("ns"));
            Files.deleteIfExists(dir);
        }
    }

    /** The child: answers each ping with a pong, as the parent's mode says. */
    private static void pong(String mode, Path ns, long rounds) throws Exception {
        SharedNamespace namespace = SharedNamespace.at(ns);
        try (MessageQueue ping = MessageQueue.openExisting(namespace, "ping");
             MessageQueue pong = MessageQueue.openExisting(namespace, "pong")) {
            boolean spin = mode.equals("spin");
            for (long i = 0; i < rounds; i++) {
                byte[] m;
                if (spin) {
                    while ((m = ping.tryReceive()) == null) {
                        Thread.onSpinWait();
                    }
                    while (!pong.trySend(m)) {
                        Thread.onSpinWait();
                    }
                } else {
                    pong.send(ping.receive());
                }
            }
        }
    }
}
