package io.mmf4j.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * How long the suite may take and how it measures: full (about 20 minutes), quick (about 3 minutes) or smoke
 * (in-process, one tiny iteration each, for the test that keeps the harness from rotting).
 *
 * @param name          full, quick or smoke
 * @param budgetSeconds the time the JMH part may take; iteration time is scaled to fit the number of benchmarks
 * @param forks         JMH forks (0 = in-process)
 * @param warmups       warm-up iterations
 * @param iterations    measured iterations
 * @param rounds        how many times the whole selection runs, one contestant after the other each time, so that
 *                      load from other work on a shared machine spreads over all contestants alike
 * @param params        JMH parameter overrides (name to values) applied to every benchmark that has the parameter
 * @param machineFloors whether to run the machine-floor C programs of {@code ../shared/limits}
 */
public record RunSettings(String name, int budgetSeconds, int forks, int warmups, int iterations, int rounds,
                          Map<String, List<String>> params, boolean machineFloors) {

    /** Seconds a forked benchmark spends outside its iterations (JVM start, set-up such as writing files). */
    static final double OVERHEAD_SECONDS = 2.5;

    public static RunSettings full() {
        return new RunSettings("full", 18 * 60, 1, 3, 5, 2, Map.of(), true);
    }

    public static RunSettings quick() {
        return new RunSettings("quick", 150, 1, 2, 3, 1, Map.of("mib", List.of("256")), true);
    }

    /** In-process, tiny: proves every benchmark runs, measures nothing worth reading. */
    public static RunSettings smoke() {
        return new RunSettings("smoke", 0, 0, 0, 1, 1, Map.of("records", List.of("10000"), "mib", List.of("8")), false);
    }

    /** These settings with {@code rounds} rounds. */
    public RunSettings withRounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        return new RunSettings(name, budgetSeconds, forks, warmups, iterations, rounds, params, machineFloors);
    }

    /** These settings with {@code params} as the parameter overrides. */
    public RunSettings withParams(Map<String, List<String>> params) {
        return new RunSettings(name, budgetSeconds, forks, warmups, iterations, rounds, Map.copyOf(params), machineFloors);
    }

    /** These settings without the machine floors. */
    public RunSettings withoutMachineFloors() {
        return new RunSettings(name, budgetSeconds, forks, warmups, iterations, rounds, params, false);
    }

    /** The time of one iteration for {@code benchmarks} benchmarks within the budget, from 50 ms to 1 s. */
    long iterationMillis(int benchmarks) {
        if (budgetSeconds == 0) {
            return 50;
        }
        double perBenchmark = (double) budgetSeconds / rounds / Math.max(1, benchmarks) - (forks > 0 ? OVERHEAD_SECONDS : 0);
        long millis = (long) (perBenchmark * 1000 / (warmups + iterations));
        return Math.clamp(millis, 100, 1000);
    }
}
