package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one JMH benchmark (one method, one parameter set) once, through the JMH Runner API: one fork, with the
 * warm-up and measurement its own {@code @Warmup}/{@code @Measurement} annotations give (the settings' defaults for
 * what they leave out, capped in a quick run), and its own {@code @Fork(jvmArgsAppend)} plus the flags mmf4j and
 * Agrona need. Stateless.
 */
public final class JmhSuite {
    /** The flags mmf4j and Agrona need, added to every run: those of {@link ForkedBenchmark}'s {@code @Fork}. */
    static final String[] JVM_FLAGS = ForkedBenchmark.JVM_FLAGS;

    /**
     * Set to {@code true} during a smoke run (in-process, so benchmarks see it): a benchmark whose set-up is big
     * (a 1 GiB file, a million objects) may read it with {@code Boolean.getBoolean} and shrink, without a change to
     * the harness. JMH parameters named {@code records} and {@code mib} are shrunk by the harness itself.
     */
    public static final String SMOKE_PROPERTY = "mmf4j.bench.smoke";

    /** One run's figure: nanoseconds per operation, and the JMH score as JMH printed it. */
    record Figure(double nanos, double score, String unit, String params) {}

    private JmhSuite() {}

    /** The benchmarks that {@code includes} select, as JMH lists them. */
    static SortedSet<BenchmarkListEntry> list(List<String> includes) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
            includes, List.of());
    }

    /** The listed entry of {@code benchmark} (its first mode), or an exception naming it. */
    static BenchmarkListEntry entry(String benchmark) {
        SortedSet<BenchmarkListEntry> found = list(List.of("^" + Pattern.quote(benchmark) + "$"));
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no JMH benchmark " + benchmark + " (a goal names it)");
        }
        return found.first();
    }

    /** The parameter names a benchmark declares. */
    static List<String> paramNames(BenchmarkListEntry entry) {
        return entry.getParams().hasValue() ? List.copyOf(entry.getParams().get().keySet()) : List.of();
    }

    /** Runs {@code contestant} once with {@code settings} and returns its figure. */
    static Figure run(RunSettings settings, Contestant.Jmh contestant, boolean verbose) throws RunnerException {
        if (settings.forks() == 0) {
            // A smoke run measures nothing: it may run beside a real JMH run (another helper's, another test's).
            System.setProperty("jmh.ignoreLock", "true");
            System.setProperty(SMOKE_PROPERTY, "true");
        }
        BenchmarkListEntry entry = entry(contestant.benchmark());
        Map<String, String> params = settings.paramsFor(contestant.params(), paramNames(entry));
        if (entry.getParams().hasValue()) {
            for (var declared : entry.getParams().get().entrySet()) {
                if (declared.getValue().length > 1 && !params.containsKey(declared.getKey())) {
                    throw new IllegalArgumentException(contestant.benchmark() + " has several values of @Param "
                        + declared.getKey() + ": the contestant must name one (\"" + declared.getKey() + "=...\")");
                }
            }
        }
        List<String> jvmArgs = new ArrayList<>(); // the benchmark's own, then the harness's (repeats are harmless)
        if (entry.getJvmArgsAppend().hasValue()) {
            jvmArgs.addAll(entry.getJvmArgsAppend().get());
        }
        jvmArgs.addAll(List.of(JVM_FLAGS));
        ChainedOptionsBuilder options = new OptionsBuilder()
            .include("^" + Pattern.quote(contestant.benchmark()) + "$")
            .mode(entry.getMode())
            .forks(settings.forks())
            .warmupIterations(settings.capIterations(entry.getWarmupIterations().orElse(settings.warmups())))
            .warmupTime(time(settings, entry.getWarmupTime(), settings.warmupMillis()))
            .measurementIterations(Math.max(1, settings.capIterations(
                entry.getMeasurementIterations().orElse(settings.iterations()))))
            .measurementTime(time(settings, entry.getMeasurementTime(), settings.iterationMillis()))
            .jvmArgsAppend(jvmArgs.toArray(String[]::new))
            .shouldFailOnError(true)
            .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        params.forEach(options::param);
        List<RunResult> results = new ArrayList<>(new Runner(options.build()).run());
        if (results.size() != 1) {
            throw new IllegalStateException(contestant.benchmark() + " ran " + results.size() + " times (params " + params
                + "); a contestant is one benchmark with one parameter set");
        }
        var primary = results.get(0).getPrimaryResult();
        String paramText = params.isEmpty() ? "" : new java.util.TreeMap<>(params).toString();
        return new Figure(nanosPerOp(primary.getScore(), primary.getScoreUnit(), entry.getMode()), primary.getScore(),
            primary.getScoreUnit(), paramText);
    }

    private static TimeValue time(RunSettings settings, org.openjdk.jmh.util.Optional<TimeValue> annotated, long millis) {
        long own = annotated.hasValue() ? annotated.get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) : millis;
        return TimeValue.milliseconds(Math.max(1, settings.capMillis(own)));
    }

    /** A JMH score in nanoseconds per operation, whatever its unit ({@code us/op}, {@code ops/ms}, ...). */
    static double nanosPerOp(double score, String unit, Mode mode) {
        int slash = unit.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("unknown JMH unit " + unit);
        }
        if (unit.startsWith("ops/")) {
            return CProgram.nanosPer(unit.substring(slash + 1)) / score;
        }
        if (mode == Mode.Throughput) {
            throw new IllegalArgumentException("unexpected throughput unit " + unit);
        }
        return score * CProgram.nanosPer(unit.substring(0, slash));
    }
}
