package io.mmf4j.bench.harness;

import java.util.List;

/**
 * A cross-process latency benchmark that JMH cannot express: real separate JVMs (see {@link ChildJvm}), an
 * HdrHistogram of round trips after a warm-up, and a throughput. A {@link Goal} names its contestants with
 * {@link Contestant#crossProcess}; the harness then runs it once per round in a JVM of its own pinned to one CPU,
 * with every {@link ChildJvm} it starts pinned to another. Each result is one contestant (mmf4j, a peer, a raw
 * baseline) of the same run. Implementations need a public no-argument constructor.
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
    /** The area (a BENCHMARKS.md section), e.g. {@code views} or {@code sync}. */
    String area();

    /** A heading for the report. */
    String title();

    /**
     * Measures every contestant, each after its own warm-up; {@link RunSettings#scale} says how many round trips
     * (a quick run: a few seconds in all).
     */
    List<LatencyResult> run(RunSettings settings) throws Exception;

    /**
     * Flags for the JVM the harness runs this benchmark in, e.g. {@code -Dmmf4j.sync.maxSpins=0}; its
     * {@link ChildJvm}s get the {@code mmf4j.*} ones too ({@link TuningFlags}). None by default.
     *
     * @return the flags, each one JVM argument
     */
    default List<String> jvmFlags() {
        return List.of();
    }
}
