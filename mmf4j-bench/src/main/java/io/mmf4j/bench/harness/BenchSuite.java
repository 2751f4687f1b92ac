package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * The benchmark suite's entry point: finds every {@link GoalArea}, measures the selected goals' contestants in
 * interleaved rounds ({@link Sitting}), and writes {@code BENCHMARKS.md}, {@code rounds.csv} (every figure of every
 * round) and PNG charts into the output folder. A run waits until no other benchmark run holds JMH's machine lock,
 * and holds it throughout (see {@link MachineLock}). How to add a goal: {@code mmf4j-bench/HOWTO-GOALS.md}.
 *
 * {@snippet lang = "shell" :
 * bench/run --quick                       # one round, about 2 minutes, report in bench-report/
 * bench/run --out /tmp/r --include 'GetPutBench'
 * }
 *
 * <p>Options: {@code --quick}, {@code --smoke} (in-process, tiny, for tests), {@code --out DIR} (default
 * {@code bench-report}), {@code --include REGEX} (repeatable: goals with a contestant whose benchmark, C file or
 * harness class matches, and benchmarks that match; default everything), {@code --area NAME} (repeatable),
 * {@code --param name=value} (repeatable), {@code --rounds N}, {@code --diagnostics N} (rounds that also run the
 * benchmarks no goal names), {@code --no-floors}, {@code --verbose} (JMH's own output).
 */
public final class BenchSuite {
    private BenchSuite() {}

    public static void main(String[] args) throws Exception {
        Outcome outcome = run(args);
        System.out.println("mmf4j bench: report written to " + outcome.report().toAbsolutePath());
        if (!outcome.results().errors().isEmpty()) {
            System.out.println("mmf4j bench: " + outcome.results().errors().size() + " contestant(s) failed (see the report)");
            System.exit(1);
        }
    }

    /** The report file and what was measured. */
    public record Outcome(Path report, Results results) {}

    /** Runs the suite as {@code args} say. */
    public static Outcome run(String... args) throws Exception {
        RunSettings settings = RunSettings.full();
        Path out = Path.of("bench-report");
        List<String> includes = new ArrayList<>();
        Set<String> areas = new LinkedHashSet<>();
        Map<String, String> params = new LinkedHashMap<>();
        boolean floors = true;
        boolean verbose = false;
        Integer rounds = null;
        Integer diagnostics = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = RunSettings.quick();
                case "--smoke" -> settings = RunSettings.smoke();
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--include" -> includes.add(value(args, ++i, "--include"));
                case "--area" -> areas.add(value(args, ++i, "--area"));
                case "--param" -> {
                    String param = value(args, ++i, "--param");
                    int eq = param.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param needs name=value, got " + param);
                    }
                    params.put(param.substring(0, eq), param.substring(eq + 1));
                }
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, "--rounds"));
                case "--diagnostics" -> diagnostics = Integer.parseInt(value(args, ++i, "--diagnostics"));
                case "--no-floors" -> floors = false;
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (known: --quick --smoke"
                    + " --out DIR --include REGEX --area NAME --param name=value --rounds N --diagnostics N --no-floors --verbose)");
            }
        }
        settings = settings.withParams(params);
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        settings = settings.with(floors && settings.machineFloors(),
            diagnostics != null ? diagnostics : settings.diagnosticRounds());
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mmf4j-bench");
        MachineLock lock = settings.forks() == 0 ? null : MachineLock.acquire(30 * 60);
        try {
            return run(settings, String.join(" ", args), out, work, includes, areas, verbose);
        } finally {
            if (lock != null) {
                lock.close();
            }
            deleteTree(work);
        }
    }

    private static Outcome run(RunSettings settings, String args, Path out, Path work, List<String> includes,
                               Set<String> areaNames, boolean verbose) throws Exception {
        long start = System.nanoTime();
        String loadBefore = load();
        List<Pattern> patterns = (includes.isEmpty() ? List.of(".") : includes).stream().map(Pattern::compile).toList();
        Map<String, List<Goal>> goals = new LinkedHashMap<>();
        Set<Contestant> named = new LinkedHashSet<>();
        List<Contestant> extras = new ArrayList<>();
        for (GoalArea area : GoalAreas.all()) {
            if (!areaNames.isEmpty() && !areaNames.contains(area.area())) {
                continue;
            }
            List<Goal> selected = area.goals().stream()
                .filter(g -> g.contestants().stream().anyMatch(c -> matches(patterns, c.selector()))).toList();
            if (!selected.isEmpty()) {
                goals.computeIfAbsent(area.area(), a -> new ArrayList<>()).addAll(selected);
                selected.forEach(g -> named.addAll(g.contestants()));
                area.extras().stream().filter(c -> matches(patterns, c.selector())).forEach(extras::add);
            }
            area.goals().forEach(g -> named.addAll(g.contestants()));
            named.addAll(area.extras());
        }
        List<Contestant> diagnostics = diagnostics(settings, patterns, areaNames, named);
        String[] cpus = Cpus.pair();
        CRunner c = new CRunner(work, cpus);
        Map<String, List<String>> machineFloors = new LinkedHashMap<>();
        if (settings.machineFloors()) {
            for (String[] floor : CRunner.MACHINE_FLOORS) {
                String arg = settings.isShort() ? floor[2] : floor[1];
                System.out.println("mmf4j bench: machine floor " + floor[0] + " " + arg);
                machineFloors.put(floor[0] + " " + arg, c.run(floor[0], List.of(arg), false));
            }
        }
        System.out.printf("mmf4j bench: %s run, %d goals, %d rounds, %d benchmarks no goal names (in %d round(s))%n",
            settings.name(), goals.values().stream().mapToInt(List::size).sum(), settings.rounds(), diagnostics.size(),
            settings.diagnosticRounds());
        Results results = new Sitting(settings, goals.values().stream().flatMap(List::stream).toList(), extras,
            diagnostics, c, cpus, verbose).run();
        String command = "bench/run" + (args.isEmpty() ? "" : " " + args);
        String markdown = new Report(out).build(new Report.Input(settings, command, MachineInfo.current(), cpus,
            (System.nanoTime() - start) / 1e9, loadBefore, load(), goals, results, shown(extras, diagnostics), machineFloors));
        Path report = out.resolve("BENCHMARKS.md");
        Files.writeString(report, markdown);
        writeRounds(out.resolve("rounds.csv"), results);
        return new Outcome(report, results);
    }

    /** The selected JMH benchmarks no goal names, one contestant per parameter combination. */
    private static List<Contestant> diagnostics(RunSettings settings, List<Pattern> patterns, Set<String> areaNames,
                                                Set<Contestant> named) {
        if (settings.diagnosticRounds() == 0) {
            return List.of();
        }
        Set<String> namedBenchmarks = new LinkedHashSet<>();
        named.forEach(c -> {
            if (c instanceof Contestant.Jmh jmh) {
                namedBenchmarks.add(jmh.benchmark());
            }
        });
        List<Contestant> list = new ArrayList<>();
        for (BenchmarkListEntry entry : JmhSuite.list(List.of("io\\.mmf4j\\.bench\\..*"))) {
            String name = entry.getUsername();
            Contestant.Jmh probe = new Contestant.Jmh(name, Map.of());
            if (namedBenchmarks.contains(name) || !matches(patterns, name)
                    || (!areaNames.isEmpty() && !areaNames.contains(Report.area(probe)))) {
                continue;
            }
            List<Map<String, String>> combos = new ArrayList<>(List.of(Map.of()));
            if (entry.getParams().hasValue()) {
                for (var param : entry.getParams().get().entrySet()) {
                    List<Map<String, String>> next = new ArrayList<>();
                    List<String> values = settings.params().containsKey(param.getKey())
                        ? List.of(settings.params().get(param.getKey())) : List.of(param.getValue());
                    for (Map<String, String> combo : combos) {
                        for (String value : values) {
                            Map<String, String> more = new LinkedHashMap<>(combo);
                            more.put(param.getKey(), value);
                            next.add(more);
                        }
                    }
                    combos = next;
                }
            }
            combos.forEach(p -> list.add(new Contestant.Jmh(name, p)));
        }
        return list;
    }

    private static List<Contestant> shown(List<Contestant> extras, List<Contestant> diagnostics) {
        List<Contestant> shown = new ArrayList<>(extras);
        shown.addAll(diagnostics);
        return shown;
    }

    private static boolean matches(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).find());
    }

    private static void writeRounds(Path file, Results results) throws IOException {
        StringBuilder csv = new StringBuilder("contestant,round,nanos_per_op,as_measured\n");
        results.samples().forEach((c, samples) -> samples.forEach(s -> csv.append('"').append(c.id().replace("\"", "'"))
            .append("\",").append(s.round()).append(',').append(s.nanos()).append(",\"")
            .append(s.detail().replace("\"", "'")).append("\"\n")));
        Files.writeString(file, csv);
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
