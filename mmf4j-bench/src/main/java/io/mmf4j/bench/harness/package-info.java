/**
 * The benchmark harness: {@link io.mmf4j.bench.harness.BenchSuite} finds every
 * {@link io.mmf4j.bench.harness.GoalArea} (a public class named {@code *Goals} under {@code io.mmf4j.bench}),
 * measures its {@link io.mmf4j.bench.harness.Goal}s' {@link io.mmf4j.bench.harness.Contestant}s — JMH benchmarks,
 * C programs of {@code src/main/c} and cross-process {@link io.mmf4j.bench.harness.LatencyHarness}es — in
 * interleaved rounds, and writes a BENCHMARKS.md-style report whose verdicts read the median of the per-round
 * ratios. Run it with {@code bench/run [--quick]}; how to add a goal: {@code mmf4j-bench/HOWTO-GOALS.md}.
 *
 * <p>Every benchmark JVM gets {@code --enable-native-access=ALL-UNNAMED} and the
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED} that Agrona needs; big set-ups read
 * {@link io.mmf4j.bench.harness.JmhSuite#SMOKE_PROPERTY} and shrink in the smoke test.
 */
package io.mmf4j.bench.harness;
