package io.mmf4j.bench.harness;

import java.util.List;

/**
 * A cross-process latency benchmark that JMH cannot express: real separate JVMs (see {@link ChildJvm}), an
 * HdrHistogram of round trips after a warm-up, and a throughput. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.mmf4j.bench.harness.LatencyHarness} and the suite runs it, with no change to the
 * harness. Each result is one contestant (mmf4j, a peer, or a floor) of the same run.
 *
 * {@snippet :
 * public final class NamedPingPong implements LatencyHarness {
 *     public String area() { return "named"; }
 *     public String title() { return "Cross-process ping-pong over a named map"; }
 *     public List<LatencyResult> run(RunSettings settings) throws Exception { ... }
 * }
 * }
 */
public interface LatencyHarness {
    /** The area (a BENCHMARKS.md section): {@code views}, {@code named}, {@code sync} or {@code vm}. */
    String area();

    /** A heading for the report. */
    String title();

    /** Measures every contestant; {@code settings.name()} says how long it may take (quick: a few seconds). */
    List<LatencyResult> run(RunSettings settings) throws Exception;

    /** Goals between contestants, with contestants named as in the results; none by default. */
    default List<GoalSpec> goals() {
        return List.of();
    }
}
