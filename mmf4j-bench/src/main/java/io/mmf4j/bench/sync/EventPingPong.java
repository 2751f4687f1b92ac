package io.mmf4j.bench.sync;

import io.mmf4j.bench.harness.TuningFlags;
import io.mmf4j.sync.EventResetMode;
import io.mmf4j.sync.NamedEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Contended hand-off between two processes, the blocking kind: this JVM sets event "ping" and sleeps on "pong";
 * a child JVM sleeps on "ping" and sets "pong". Every round trip is two wake-ups through the kernel, the same
 * work as the futex round trip of {@code ../shared/limits/blocking.c}, whose floor it is compared with.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 *     io.mmf4j.bench.sync.EventPingPong [roundTrips]
 * </pre>
 */
public final class EventPingPong {
    private EventPingPong() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        String prefix = "bench-pingpong-" + UUID.randomUUID();
        try (NamedEvent ping = NamedEvent.create(prefix + "-ping", EventResetMode.AUTO_RESET, false);
             NamedEvent pong = NamedEvent.create(prefix + "-pong", EventResetMode.AUTO_RESET, false)) {
            Process child = startChild(prefix, rounds);
            Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
            int warmup = Math.min(rounds / 5, 10_000);
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                ping.set();
                pong.await();
                if (i >= warmup) {
                    histogram.recordValue(System.nanoTime() - start);
                }
            }
            if (!child.waitFor(30, TimeUnit.SECONDS) || child.exitValue() != 0) {
                throw new IOException("child failed: " + new String(child.getErrorStream().readAllBytes()));
            }
            System.out.printf("event ping-pong rtt ns: median %d p99 %d (n=%d)%n",
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getTotalCount());
        }
    }

    private static void child(String prefix, int rounds) throws Exception {
        try (NamedEvent ping = NamedEvent.openExisting(prefix + "-ping");
             NamedEvent pong = NamedEvent.openExisting(prefix + "-pong")) {
            for (int i = 0; i < rounds; i++) {
                ping.await();
                pong.set();
            }
        }
    }

    private static Process startChild(String prefix, int rounds) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.addAll(TuningFlags.forChild());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                EventPingPong.class.getName(), "child", prefix, Integer.toString(rounds)));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    }
}
