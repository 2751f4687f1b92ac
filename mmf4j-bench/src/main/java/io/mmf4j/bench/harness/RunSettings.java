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
 * @param params        JMH parameter overrides (name to values) applied to every benchmark that has the parameter
 * @param machineFloors whether to run the machine-floor C programs of {@code ../shared/limits}
 */
public record RunSettings(String name, int budgetSeconds, int forks, int warmups, int iterations,
                          Map<String, List<String>> params, boolean machineFloors) {

    /** Seconds a forked benchmark spends outside its iterations (JVM start, set-up such as writing files). */
    static final double OVERHEAD_SECONDS = 2.5;

    public static RunSettings full() {
        return new RunSettings("full", 18 * 60, 1, 4, 6, Map.of(), true);
    }

    public static RunSettings quick() {
        return new RunSettings("quick", 150, 1, 2, 3, Map.of("mib", List.of("256")), true);
    }

    /** In-process, tiny: proves every benchmark runs, measures nothing worth reading. */
    public static RunSettings smoke() {
        return new RunSettings("smoke", 0, 0, 0, 1, Map.of("records", List.of("10000"), "mib", List.of("8")), false);
    }

    /** The time of one iteration for {@code benchmarks} benchmarks within the budget, from 50 ms to 1 s. */
    long iterationMillis(int benchmarks) {
        if (budgetSeconds == 0) {
            return 50;
        }
        double perBenchmark = (double) budgetSeconds / Math.max(1, benchmarks) - (forks > 0 ? OVERHEAD_SECONDS : 0);
        long millis = (long) (perBenchmark * 1000 / (warmups + iterations));
        return Math.clamp(millis, 100, 1000);
    }
}
