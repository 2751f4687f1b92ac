package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sitting measured: per contestant, one figure (nanoseconds per operation) per round, NaN where it was not
 * measured; the JMH score as printed, the cross-process percentiles, and the errors. Not thread-safe: the sitting
 * fills it, then the report reads it.
 */
final class Results {
    /** One round's figure of one contestant, with the text the report shows beside it (a JMH score, a C line). */
    record Sample(int round, double nanos, String detail) {}

    private final int rounds;
    private final Map<Contestant, List<Sample>> samples = new LinkedHashMap<>();
    private final Map<Class<? extends LatencyHarness>, List<List<LatencyResult>>> latency = new LinkedHashMap<>();
    private final Map<Contestant, String> errors = new LinkedHashMap<>();

    Results(int rounds) {
        this.rounds = rounds;
    }

    int rounds() {
        return rounds;
    }

    void add(Contestant contestant, int round, double nanos, String detail) {
        samples.computeIfAbsent(contestant, c -> new ArrayList<>()).add(new Sample(round, nanos, detail));
    }

    void addLatency(Class<? extends LatencyHarness> harness, List<LatencyResult> results) {
        latency.computeIfAbsent(harness, h -> new ArrayList<>()).add(results);
    }

    void fail(Contestant contestant, String error) {
        errors.putIfAbsent(contestant, error);
    }

    Map<Contestant, String> errors() {
        return errors;
    }

    Map<Contestant, List<Sample>> samples() {
        return samples;
    }

    Map<Class<? extends LatencyHarness>, List<List<LatencyResult>>> latency() {
        return latency;
    }

    /** The contestant's figure in each round (index 0 = round 1), NaN where it was not measured. */
    double[] perRound(Contestant contestant) {
        double[] values = new double[rounds];
        Arrays.fill(values, Double.NaN);
        for (Sample s : samples.getOrDefault(contestant, List.of())) {
            values[s.round() - 1] = s.nanos();
        }
        return values;
    }

    /** The median of the contestant's figures over the rounds it was measured in, NaN if none. */
    double median(Contestant contestant) {
        return median(Arrays.stream(perRound(contestant)).filter(v -> !Double.isNaN(v)).toArray());
    }

    /** The median of {@code values} (the mean of the middle two when even), NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
