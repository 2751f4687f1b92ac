package io.mmf4j.bench.ipc;

import io.mmf4j.SharedNamespace;
import io.mmf4j.bench.harness.ChildJvm;
import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
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
 * Round trips between the harness's JVM and a child JVM over two mmf4j message queues (ping one way, pong back),
 * 8-byte messages, recorded in an HdrHistogram after a warm-up.
 *
 * <ul>
 * <li>{@code mmf4jQueueSpin}: both sides busy-poll with {@code trySend}/{@code tryReceive}, the shape of
 *     {@code pingpong.c}.</li>
 * <li>{@code mmf4jQueueBlocking}: both sides wait in {@code receive()} with the user-space spin off
 *     ({@code mmf4j.queue.spinNanos=0}), so every message goes to a consumer asleep in the kernel: the shape of
 *     {@code blocking.c}'s futex round trip and of {@code queue_boost.c}'s Boost {@code message_queue}.</li>
 * </ul>
 */
public final class QueueRoundTrip implements LatencyHarness {
    /** The harness's constructor. */
    public QueueRoundTrip() {}

    @Override
    public String area() {
        return "queues";
    }

    @Override
    public String title() {
        return "Round trips over two message queues between JVMs";
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        System.setProperty("mmf4j.queue.spinNanos", "0"); // before the first queue: the blocking side never spins
        return List.of(measure("spin", settings.scale(100_000, 50_000, 2_000), settings.scale(50_000, 20_000, 1_000)),
                measure("blocking", settings.scale(25_000, 10_000, 500), settings.scale(10_000, 5_000, 500)));
    }

    /** The child: {@code pong MODE NAMESPACE ROUNDS}. */
    public static void main(String[] args) throws Exception {
        System.setProperty("mmf4j.queue.spinNanos", "0");
        pong(args[1], Path.of(args[2]), Long.parseLong(args[3]));
    }

    private static LatencyResult measure(String mode, int rounds, int warmup) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-qrtt");
        SharedNamespace ns = SharedNamespace.at(dir.resolve("ns"));
        try (MessageQueue ping = MessageQueue.createNew(ns, "ping", 16, 8);
             MessageQueue pong = MessageQueue.createNew(ns, "pong", 16, 8);
             Arena arena = Arena.ofConfined()) {
            Process child = ChildJvm.start(QueueRoundTrip.class, "pong", mode, dir.resolve("ns").toString(),
                    Long.toString(warmup + rounds));
            try {
                MemorySegment message = arena.allocate(8, 8);
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                boolean spin = mode.equals("spin");
                long measuredStart = 0;
                for (long i = 1; i <= warmup + rounds; i++) {
                    if (i == warmup + 1) {
                        measuredStart = System.nanoTime();
                    }
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
                double seconds = (System.nanoTime() - measuredStart) / 1e9;
                if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                    throw new IllegalStateException("the pong child failed");
                }
                return LatencyResult.of(spin ? "mmf4jQueueSpin" : "mmf4jQueueBlocking", histogram, rounds / seconds);
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
