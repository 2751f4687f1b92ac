package io.mmf4j.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * One contestant of a cross-process latency benchmark: percentiles of round trips in nanoseconds and a throughput.
 *
 * @param contestant    e.g. {@code mmf4j} or {@code agronaRingBuffer}
 * @param medianNanos   the median round trip
 * @param p99Nanos      the 99th percentile
 * @param p999Nanos     the 99.9th percentile
 * @param maxNanos      the largest round trip seen
 * @param opsPerSecond  operations (or messages) per second, NaN when not measured
 */
public record LatencyResult(String contestant, long medianNanos, long p99Nanos, long p999Nanos, long maxNanos,
                            double opsPerSecond) {

    /** The percentiles of a histogram of round trips recorded in nanoseconds. */
    public static LatencyResult of(String contestant, Histogram nanos, double opsPerSecond) {
        return new LatencyResult(contestant, nanos.getValueAtPercentile(50), nanos.getValueAtPercentile(99),
            nanos.getValueAtPercentile(99.9), nanos.getMaxValue(), opsPerSecond);
    }
}
