package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The benchmark suite's entry point: runs the machine-floor C programs, every JMH benchmark of
 * {@code io.mmf4j.bench.*} (through the JMH Runner API), the C floors those benchmarks name with {@link Floor}, and
 * every {@link LatencyHarness} found by {@link java.util.ServiceLoader}; then writes {@code BENCHMARKS.md} and PNG
 * charts into the output folder. Benchmarks plug in through annotations and the service file alone. A run waits
 * until no other benchmark run holds JMH's machine lock, and holds it throughout (see {@link MachineLock}).
 *
 * {@snippet lang = "shell" :
 * bench/run --quick                       # about 3 minutes, report in bench-report/
 * bench/run --out /tmp/r --include 'io.mmf4j.bench.views.*'
 * }
 *
 * <p>Options: {@code --quick}, {@code --smoke} (in-process, tiny, for tests), {@code --out DIR} (default
 * {@code bench-report}), {@code --include REGEX} (repeatable; default every benchmark), {@code --param name=v1,v2}
 * (repeatable), {@code --rounds N} (default 2 in a full run, 1 otherwise), {@code --no-floors}, {@code --no-latency}, {@code --no-jmh}, {@code --verbose} (JMH's own output).
 */
public final class BenchSuite {
    private BenchSuite() {}

    public static void main(String[] args) throws Exception {
        Path report = run(args);
        System.out.println("mmf4j bench: report written to " + report.toAbsolutePath());
    }

    /** Runs the suite as {@code args} say and returns the report file. */
    public static Path run(String... args) throws Exception {
        RunSettings settings = RunSettings.full();
        Path out = Path.of("bench-report");
        List<String> includes = new ArrayList<>();
        Map<String, List<String>> params = new HashMap<>();
        boolean floors = true;
        boolean latency = true;
        boolean verbose = false;
        boolean jmh = true;
        Integer rounds = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = RunSettings.quick();
                case "--smoke" -> settings = RunSettings.smoke();
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--include" -> includes.add(value(args, ++i, "--include"));
                case "--param" -> {
                    String param = value(args, ++i, "--param");
                    int eq = param.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--param needs name=value[,value...], got " + param);
                    }
                    params.put(param.substring(0, eq), List.of(param.substring(eq + 1).split(",")));
                }
                case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, "--rounds"));
                case "--no-floors" -> floors = false;
                case "--no-latency" -> latency = false;
                case "--no-jmh" -> jmh = false;
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                    + " (known: --quick --smoke --out DIR --include REGEX --param name=v --rounds N --no-floors --no-latency --no-jmh --verbose)");
            }
        }
        if (includes.isEmpty()) {
            includes.add("io\\.mmf4j\\.bench\\..*");
        }
        Map<String, List<String>> allParams = new HashMap<>(settings.params());
        allParams.putAll(params);
        settings = settings.withParams(allParams);
        if (rounds != null) {
            settings = settings.withRounds(rounds);
        }
        if (!floors) {
            settings = settings.withoutMachineFloors();
        }
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("mmf4j-bench-floors");
        MachineLock lock = settings.forks() == 0 ? null : MachineLock.acquire(30 * 60);
        try {
            return run(settings, String.join(" ", args), out, work, jmh ? includes : List.of(), floors, latency, verbose);
        } finally {
            if (lock != null) {
                lock.close();
            }
            deleteTree(work);
        }
    }

    private static Path run(RunSettings settings, String args, Path out, Path work, List<String> includes,
                            boolean floors, boolean latency, boolean verbose) throws Exception {
        boolean quick = !settings.name().equals("full");
        FloorRunner floorRunner = new FloorRunner(work);
        Map<String, List<String>> machineFloors = new LinkedHashMap<>();
        if (settings.machineFloors()) {
            for (String[] floor : FloorRunner.MACHINE_FLOORS) {
                String arg = quick ? floor[2] : floor[1];
                System.out.println("mmf4j bench: machine floor " + floor[0] + " " + arg);
                machineFloors.put(floor[0] + " " + arg, floorRunner.run(floor[0], List.of(arg)));
            }
        }
        List<Measurement> measurements = includes.isEmpty() ? List.of()
            : JmhSuite.run(settings, includes, out.resolve("jmh.json").toString(), verbose);
        List<Report.Latency> latencies = new ArrayList<>();
        if (latency) {
            for (LatencyHarness harness : ServiceLoader.load(LatencyHarness.class)) {
                System.out.println("mmf4j bench: cross-process " + harness.title());
                latencies.add(new Report.Latency(harness, harness.run(settings)));
            }
        }
        Map<String, List<Report.FloorFigure>> classFloors = new HashMap<>();
        if (floors) {
            Set<String> classes = new LinkedHashSet<>(measurements.stream().map(Measurement::benchmarkClass).toList());
            latencies.forEach(l -> classes.add(l.harness().getClass().getName()));
            for (String name : classes) {
                Class<?> type = Class.forName(name, false, BenchSuite.class.getClassLoader());
                for (Floor floor : type.getAnnotationsByType(Floor.class)) {
                    String[] floorArgs = quick && floor.quickArgs().length > 0 ? floor.quickArgs() : floor.args();
                    List<String> lines = floorRunner.run(floor.program(), Arrays.asList(floorArgs));
                    classFloors.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Report.FloorFigure(floor, Arrays.asList(floorArgs), FloorRunner.figure(lines, floor.label())));
                }
            }
        }
        String command = "bench/run" + (args.isEmpty() ? "" : " " + args);
        String markdown = new Report(out).build(settings, command, MachineInfo.current(), machineFloors, measurements,
            classFloors, latencies);
        Path report = out.resolve("BENCHMARKS.md");
        Files.writeString(report, markdown);
        return report;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
