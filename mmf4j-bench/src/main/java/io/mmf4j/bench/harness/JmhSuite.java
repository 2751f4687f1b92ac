package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;

/**
 * Runs every JMH benchmark under {@code io.mmf4j.bench} (or the given patterns) through the JMH Runner API, with
 * iteration times scaled so that the whole suite fits the settings' budget however many benchmarks there are.
 * Every benchmark JVM gets the flags mmf4j and Agrona need, so a benchmark class needs nothing but JMH annotations.
 */
public final class JmhSuite {
    static final String[] JVM_FLAGS = {
        "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "-Djava.awt.headless=true"};

    /**
     * Set to {@code true} during a smoke run (in-process, so benchmarks see it): a benchmark whose set-up is big
     * (a 1 GiB file, a million objects) may read it with {@code Boolean.getBoolean} and shrink, without a change to
     * the harness. JMH parameters named {@code records} and {@code mib} are shrunk by the harness itself.
     */
    public static final String SMOKE_PROPERTY = "mmf4j.bench.smoke";

    private JmhSuite() {}

    /** The benchmarks that {@code includes} select, as JMH lists them. */
    static SortedSet<BenchmarkListEntry> list(List<String> includes) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT),
            includes, List.of());
    }

    static List<Measurement> run(RunSettings settings, List<String> includes, String jsonFile, boolean verbose)
            throws RunnerException {
        if (settings.forks() == 0) {
            // A smoke run measures nothing: it may run beside a real JMH run (another helper's, another test's).
            System.setProperty("jmh.ignoreLock", "true");
            System.setProperty(SMOKE_PROPERTY, "true");
        }
        int count = list(includes).size();
        if (count == 0) {
            throw new IllegalArgumentException("no benchmark matches " + includes);
        }
        TimeValue iteration = TimeValue.milliseconds(settings.iterationMillis(count));
        ChainedOptionsBuilder options = new OptionsBuilder()
            .forks(settings.forks())
            .warmupIterations(settings.warmups())
            .warmupTime(iteration)
            .measurementIterations(settings.iterations())
            .measurementTime(iteration)
            .jvmArgsAppend(JVM_FLAGS)
            .shouldFailOnError(true)
            .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        includes.forEach(options::include);
        for (Map.Entry<String, List<String>> param : settings.params().entrySet()) {
            options.param(param.getKey(), param.getValue().toArray(String[]::new));
        }
        System.out.printf("mmf4j bench: %d benchmarks, %s run, %d round(s) of %d+%d iterations of %s%n", count,
            settings.name(), settings.rounds(), settings.warmups(), settings.iterations(), iteration);
        List<RunResult> results = new ArrayList<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            if (jsonFile != null) {
                options.result(settings.rounds() == 1 ? jsonFile : jsonFile.replace(".json", "-" + round + ".json"))
                    .resultFormat(ResultFormatType.JSON);
            }
            results.addAll(new Runner(options.build()).run());
        }
        return measurements(results);
    }

    /** One measurement per benchmark and parameter set, over the iterations of every round. */
    private static List<Measurement> measurements(Collection<RunResult> results) {
        Map<String, List<RunResult>> byKey = new LinkedHashMap<>();
        for (RunResult run : results) {
            var params = run.getParams();
            String paramText = params.getParamsKeys().stream()
                .map(key -> key + "=" + params.getParam(key))
                .collect(Collectors.joining(", "));
            byKey.computeIfAbsent(params.getBenchmark() + "|" + paramText, k -> new ArrayList<>()).add(run);
        }
        List<Measurement> list = new ArrayList<>();
        for (var entry : byKey.entrySet()) {
            String benchmark = entry.getKey().substring(0, entry.getKey().indexOf('|'));
            String paramText = entry.getKey().substring(entry.getKey().indexOf('|') + 1);
            RunResult first = entry.getValue().get(0);
            boolean timePerOp = first.getParams().getMode() != org.openjdk.jmh.annotations.Mode.Throughput;
            ListStatistics iterations = new ListStatistics();
            entry.getValue().stream()
                .flatMap(run -> run.getBenchmarkResults().stream())
                .flatMap(b -> b.getIterationResults().stream())
                .forEach(i -> iterations.addValue(i.getPrimaryResult().getScore()));
            Result<?> primary = first.getPrimaryResult();
            double mean = iterations.getN() == 0 ? primary.getScore() : iterations.getMean();
            double error = iterations.getN() < 2 ? Double.NaN : iterations.getMeanErrorAt(0.999);
            double best = iterations.getN() == 0 ? mean : timePerOp ? iterations.getMin() : iterations.getMax();
            int dot = benchmark.lastIndexOf('.');
            list.add(new Measurement(benchmark.substring(0, dot), benchmark.substring(dot + 1), paramText, mean, error,
                best, primary.getScoreUnit(), timePerOp));
        }
        return list;
    }
}
