/**
 * The benchmark harness: {@link io.mmf4j.bench.harness.BenchSuite} runs every JMH benchmark under
 * {@code io.mmf4j.bench.*}, the C floors, and the cross-process latency benchmarks, and writes a BENCHMARKS.md-style
 * report with PNG charts. Run it with {@code bench/run [--quick]}.
 *
 * <p>How an area plugs in, with no change to the harness:
 * <ul>
 *   <li>A JMH class in {@code io.mmf4j.bench.<area>}: one {@code @Benchmark} method per contestant (mmf4j, each peer,
 *       the raw baseline), all in the one class so that they run in the same suite run. The area is the package's
 *       last segment; the report has a section per area and a table and chart per class and parameter set.</li>
 *   <li>{@link io.mmf4j.bench.harness.Goal} on the class: the goal ratios between two of its methods.</li>
 *   <li>{@link io.mmf4j.bench.harness.Floor} on the class: a C program in {@code src/main/resources/floors/} that the
 *       harness compiles with gcc and runs, and the output line whose number is the floor.</li>
 *   <li>A {@link io.mmf4j.bench.harness.LatencyHarness} listed in
 *       {@code META-INF/services/io.mmf4j.bench.harness.LatencyHarness} for cross-process round trips (child JVMs via
 *       {@link io.mmf4j.bench.harness.ChildJvm}, HdrHistogram percentiles); {@code @Floor} works on it too.</li>
 *   <li>Big set-ups read {@link io.mmf4j.bench.harness.JmhSuite#SMOKE_PROPERTY} and shrink in the smoke test.</li>
 * </ul>
 * The harness gives every benchmark JVM {@code --enable-native-access=ALL-UNNAMED} and the
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} that Agrona needs.
 */
package io.mmf4j.bench.harness;
