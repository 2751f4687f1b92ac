package io.mmf4j.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * How a sitting measures: full (5 rounds, every benchmark's own warm-up and measurement — 2 × 300 ms and 3 × 300 ms
 * where it gives none — no diagnostics, about 21 minutes with 53 goals on a quiet 2-core machine), quick (1 round,
 * one warm-up and one measured iteration of at most 100 ms, no machine floors, about 2 minutes: a look, not a
 * verdict) or smoke (in-process, one tiny iteration each, for the test that keeps the harness from rotting).
 * Immutable.
 *
 * @param name             full, quick or smoke
 * @param forks            JMH forks per benchmark and round (0 = in-process)
 * @param rounds           interleaved rounds: in each, every goal's contestants are measured one after the other
 * @param diagnosticRounds rounds (the first ones) in which JMH benchmarks that no goal names run as well
 * @param warmups          warm-up iterations of a benchmark without {@code @Warmup(iterations)}
 * @param warmupMillis     warm-up iteration time of a benchmark without {@code @Warmup(time)}
 * @param iterations       measured iterations of a benchmark without {@code @Measurement(iterations)}
 * @param iterationMillis  measured iteration time of a benchmark without {@code @Measurement(time)}
 * @param maxIterations    a cap on warm-up and measured iterations, whatever the annotations say; 0 = none
 * @param maxMillis        a cap on any iteration's time, whatever the annotations say; 0 = none
 * @param params           JMH parameter overrides (name to value), applied to every benchmark that has the parameter
 * @param machineFloors    whether to run the machine-floor C programs of {@code ../shared/limits} once, as context
 */
public record RunSettings(String name, int forks, int rounds, int diagnosticRounds, int warmups, long warmupMillis,
                          int iterations, long iterationMillis, int maxIterations, long maxMillis,
                          Map<String, String> params, boolean machineFloors) {
    public RunSettings {
        params = Map.copyOf(params);
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
    }

    public static RunSettings full() {
        return new RunSettings("full", 1, 5, 0, 2, 300, 3, 300, 0, 0, Map.of(), true);
    }

    public static RunSettings quick() {
        return new RunSettings("quick", 1, 1, 0, 1, 100, 1, 100, 1, 100, Map.of("mib", "256"), false);
    }

    /** In-process, tiny: proves every benchmark and goal runs, measures nothing worth reading. */
    public static RunSettings smoke() {
        return new RunSettings("smoke", 0, 1, 1, 0, 50, 1, 50, 1, 50, Map.of("records", "10000", "mib", "8"), false);
    }

    /** The settings called {@code name} (full, quick or smoke). */
    public static RunSettings named(String name) {
        return switch (name) {
            case "full" -> full();
            case "quick" -> quick();
            case "smoke" -> smoke();
            default -> throw new IllegalArgumentException("no run settings called " + name);
        };
    }

    /** These settings with {@code rounds} rounds. */
    public RunSettings withRounds(int rounds) {
        return new RunSettings(name, forks, rounds, Math.min(diagnosticRounds, rounds), warmups, warmupMillis,
            iterations, iterationMillis, maxIterations, maxMillis, params, machineFloors);
    }

    /** These settings with more parameter overrides. */
    public RunSettings withParams(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(params);
        all.putAll(more);
        return new RunSettings(name, forks, rounds, diagnosticRounds, warmups, warmupMillis, iterations,
            iterationMillis, maxIterations, maxMillis, all, machineFloors);
    }

    /** These settings without the machine floors, and with diagnostics in {@code diagnosticRounds} rounds. */
    public RunSettings with(boolean machineFloors, int diagnosticRounds) {
        return new RunSettings(name, forks, rounds, Math.min(diagnosticRounds, rounds), warmups, warmupMillis,
            iterations, iterationMillis, maxIterations, maxMillis, params, machineFloors);
    }

    /** Whether this is a short run (quick or smoke), which runs C programs with their quick arguments. */
    public boolean isShort() {
        return !name.equals("full");
    }

    /** The cross-process round trips a harness should measure (after its warm-up) in a run of these settings. */
    public int scale(int full, int quick, int smoke) {
        return switch (name) {
            case "full" -> full;
            case "quick" -> quick;
            default -> smoke;
        };
    }

    int capIterations(int n) {
        return maxIterations > 0 ? Math.min(n, maxIterations) : n;
    }

    long capMillis(long millis) {
        return maxMillis > 0 ? Math.min(millis, maxMillis) : millis;
    }

    /** The JMH parameters of a run: the contestant's own, overridden by these settings' (for short runs). */
    Map<String, String> paramsFor(Map<String, String> own, List<String> known) {
        Map<String, String> all = new java.util.LinkedHashMap<>(own);
        params.forEach((k, v) -> {
            if (known.contains(k)) {
                all.put(k, v);
            }
        });
        return all;
    }
}
