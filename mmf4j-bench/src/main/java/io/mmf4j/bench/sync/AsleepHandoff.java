package io.mmf4j.bench.sync;

import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
import java.util.List;

/**
 * The event ping-pong of issue 19 with both sides asleep between messages: the round trip of {@link BlockingHandoff}'s
 * {@code mmf4jEvent}, run in JVMs started with {@code -Dmmf4j.sync.maxSpins=0}, so that every {@code await} that finds
 * the event unset sleeps in the kernel at once instead of spinning first. Each round trip is then what
 * {@code blocking.c}'s futex round trip is: a store and a FUTEX_WAKE on each side, each side woken from FUTEX_WAIT.
 * Contestant: {@code mmf4jEventAsleep}.
 */
public final class AsleepHandoff implements LatencyHarness {
    private static final String SPINS_PROPERTY = "mmf4j.sync.maxSpins";
    private static final String NO_SPINNING = "-D" + SPINS_PROPERTY + "=0";

    @Override
    public String area() {
        return "sync";
    }

    @Override
    public String title() {
        return "Event ping-pong, both sides asleep between messages (no spinning)";
    }

    @Override
    public List<String> jvmFlags() {
        return List.of(NO_SPINNING);
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        if (!"0".equals(System.getProperty(SPINS_PROPERTY))) {
            throw new IllegalStateException("run with " + NO_SPINNING + " (the harness gives it): without it the"
                + " events spin before they sleep, and the sides are not both asleep");
        }
        int warmup = settings.scale(5_000, 2_000, 200);
        int measured = settings.scale(25_000, 10_000, 500);
        return List.of(BlockingHandoff.event("mmf4jEventAsleep", warmup, measured));
    }
}
