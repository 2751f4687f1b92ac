package io.mmf4j.bench.heap;

import io.mmf4j.heap.Heap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The heap goals of issue 12 in one sitting, at the issue's full scale (1 M live blocks; {@link HeapGoals} registers
 * the same goals with the harness at a scale that fits its time budget): compiles {@code src/main/c/heap_peer.c} with gcc, then runs rounds of
 * the C peer and the JMH benchmarks interleaved (C pairs, JMH pairs, C random, JMH random, JMH threads), measures
 * the fragmentation of the random workload in process, and prints one goal line per goal from the best figure of
 * each side over the rounds. Arguments: [rounds (default 2)] [output file for the goal lines].
 *
 * {@snippet lang=sh :
 * java -cp "mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*" --enable-native-access=ALL-UNNAMED \
 *     io.mmf4j.bench.heap.HeapSitting 2 bench-report/heap-goals.md
 * }
 */
public final class HeapSitting {
    private static final long[] SIZES = {16, 64, 256, 1024};
    private static final int LIVE = 1_000_000;
    private static final Pattern C_PAIRS = Pattern.compile("c pairs (\\d+) ns: best ([\\d.]+)");
    private static final Pattern C_RANDOM = Pattern.compile("c random ns: best ([\\d.]+) .* peak-os/peak-live ([\\d.]+)");

    /** Best (lowest) ns per pair by key, e.g. "c/64", "heap/64", "heapNoSerialize/random". */
    private final Map<String, Double> best = new HashMap<>();
    private double cFragmentation;
    private double oneThread;
    private double twoThreads;

    private HeapSitting() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("jmh.ignoreLock", "true"); // other JMH runs on a shared machine must not stop this one
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        HeapSitting goals = new HeapSitting();
        Path binary = Files.createTempFile("heap_peer", "");
        try {
            run(List.of("gcc", "-O2", "-o", binary.toString(), "mmf4j-bench/src/main/c/heap_peer.c"));
            for (int round = 1; round <= rounds; round++) {
                System.out.println("== round " + round + " of " + rounds);
                goals.round(binary);
            }
        } finally {
            Files.deleteIfExists(binary);
        }
        double[] fragmentation = fragmentation();
        List<String> lines = goals.lines(fragmentation);
        lines.forEach(System.out::println);
        if (args.length > 1) {
            Path out = Path.of(args[1]);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.write(out, lines, StandardCharsets.UTF_8);
        }
    }

    private void round(Path binary) throws IOException, InterruptedException, RunnerException {
        for (long size : SIZES) {
            Matcher m = C_PAIRS.matcher(run(List.of(binary.toString(), "pairs", Long.toString(size), "3")));
            if (m.find()) {
                keep("c/" + size, Double.parseDouble(m.group(2)));
            }
        }
        for (RunResult r : jmh(HeapPairsBenchmark.class.getName())) {
            keep(method(r) + "/" + r.getParams().getParam("size"), r.getPrimaryResult().getScore());
        }
        Matcher m = C_RANDOM.matcher(run(List.of(binary.toString(), "random", "1", Integer.toString(LIVE))));
        if (m.find()) {
            keep("c/random", Double.parseDouble(m.group(1)));
            cFragmentation = Double.parseDouble(m.group(2));
        }
        for (RunResult r : jmh(HeapRandomBenchmark.class.getName())) {
            String kind = switch (RandomWorkload.Kind.valueOf(r.getParams().getParam("kind"))) {
                case HEAP -> "heap";
                case HEAP_NO_SERIALIZE -> "heapNoSerialize";
                case FFM_MALLOC -> "ffmMalloc";
                case CONFINED_ARENA -> "confinedArena";
            };
            keep(kind + "/random", r.getPrimaryResult().getScore() * 1e6 / RandomWorkload.pairs(LIVE));
        }
        for (RunResult r : jmh(HeapThreadsBenchmark.class.getName())) {
            double score = r.getPrimaryResult().getScore();
            if (method(r).equals("oneThread")) {
                oneThread = Math.max(oneThread, score);
            } else {
                twoThreads = Math.max(twoThreads, score);
            }
        }
    }

    private List<String> lines(double[] fragmentation) {
        List<String> lines = new ArrayList<>();
        List<String> workloads = new ArrayList<>();
        for (long size : SIZES) {
            workloads.add(Long.toString(size));
        }
        workloads.add("random");
        for (String w : workloads) {
            String name = w.equals("random") ? "random workload" : "pairs of " + w + " B";
            double c = best.getOrDefault("c/" + w, Double.NaN);
            double heap = best.getOrDefault("heap/" + w, Double.NaN);
            double confined = best.getOrDefault("heapNoSerialize/" + w, Double.NaN);
            double arena = best.getOrDefault("confinedArena/" + w, Double.NaN);
            double malloc = best.getOrDefault("ffmMalloc/" + w, Double.NaN);
            lines.add(goal(name + ": serialised heap / glibc malloc+free (C)", heap / c, "<=", 1.0,
                    String.format("%.1f vs %.1f ns", heap, c)));
            lines.add(goal(name + ": NO_SERIALIZE heap / glibc (C)", confined / c, "<=", 0.7,
                    String.format("%.1f vs %.1f ns", confined, c)));
            lines.add(goal(name + ": Arena.ofConfined per block / serialised heap", arena / heap, ">=", 3.0,
                    String.format("%.1f vs %.1f ns", arena, heap)));
            lines.add(goal(name + ": FFM malloc/free downcalls / serialised heap", malloc / heap, ">=", 3.0,
                    String.format("%.1f vs %.1f ns", malloc, heap)));
        }
        lines.add(goal("fragmentation, random workload: heap peak committed / peak live", fragmentation[0], "<=",
                1.3, String.format("glibc (mallinfo2 arena+hblkhd) %.3f; heap peak committed %d MB, peak live %d MB",
                        cFragmentation, (long) fragmentation[1] >> 20, (long) fragmentation[2] >> 20)));
        lines.add(goal("two threads on one serialised heap / one thread (throughput)", twoThreads / oneThread, ">=",
                1.5, String.format("%.1f vs %.1f ops/us", twoThreads, oneThread)));
        return lines;
    }

    private static String goal(String name, double ratio, String op, double bound, String detail) {
        boolean met = op.equals("<=") ? ratio <= bound : ratio >= bound;
        return String.format("- goal %s %s %.1f: %.2f — %s (%s)", name, op, bound, ratio, met ? "met" : "NOT met",
                detail);
    }

    /** {peak committed / peak live, peak committed, peak live} of the random workload on a serialised heap. */
    private static double[] fragmentation() {
        try (Heap heap = Heap.create(0, 0)) {
            long[] peakCommitted = {0};
            RandomWorkload workload = new RandomWorkload(RandomWorkload.Kind.HEAP, heap, LIVE);
            workload.run(live -> peakCommitted[0] = Math.max(peakCommitted[0], heap.summary().committed()));
            return new double[] {(double) peakCommitted[0] / workload.peakLive, peakCommitted[0], workload.peakLive};
        }
    }

    private void keep(String key, double nsPerPair) {
        best.merge(key, nsPerPair, Math::min);
        System.out.printf("  %-28s %10.2f ns/pair%n", key, nsPerPair);
    }

    private static String method(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    private static java.util.Collection<RunResult> jmh(String include) throws RunnerException {
        return new Runner(new OptionsBuilder().include(include.replace(".", "\\.") + "\\.").shouldFailOnError(true)
                .param("records", Integer.toString(LIVE)).build()).run();
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        System.out.print(out);
        return out;
    }
}
