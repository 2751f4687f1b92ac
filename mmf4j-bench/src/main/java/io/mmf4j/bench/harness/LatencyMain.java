package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link LatencyHarness} in a JVM of its own, pinned by the suite to the first CPU of the pair (its
 * {@link ChildJvm}s go on the second), and prints one {@code RESULT} line per contestant for the suite to read:
 * {@code LatencyMain HARNESS_CLASS SETTINGS_NAME}. {@link #measure} is the suite's side. Stateless.
 */
public final class LatencyMain {
    private static final String PREFIX = "RESULT\t";

    private LatencyMain() {}

    public static void main(String[] args) throws Exception {
        LatencyHarness harness = (LatencyHarness) Class.forName(args[0]).getConstructor().newInstance();
        for (LatencyResult r : harness.run(RunSettings.named(args[1]))) {
            System.out.println(PREFIX + r.contestant() + "\t" + r.medianNanos() + "\t" + r.p99Nanos() + "\t"
                + r.p999Nanos() + "\t" + r.maxNanos() + "\t" + r.opsPerSecond());
        }
    }

    /** Runs {@code harness} once in a pinned child JVM (unpinned when {@code cpus} is null) and returns its results. */
    static List<LatencyResult> measure(Class<? extends LatencyHarness> harness, RunSettings settings, String[] cpus)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Cpus.taskset(cpus == null ? null : cpus[0]));
        List<String> jvm = ChildJvm.command(LatencyMain.class, List.of(harness.getName(), settings.name()));
        jvm.addAll(1, flagsOf(harness));
        if (cpus != null) {
            jvm.add(1, "-D" + Cpus.PROPERTY + "=" + cpus[0] + "," + cpus[1]);
        }
        if (settings.forks() == 0) {
            jvm.add(1, "-D" + JmhSuite.SMOKE_PROPERTY + "=true");
        }
        command.addAll(jvm);
        java.nio.file.Path output = java.nio.file.Files.createTempFile("mmf4j-latency", ".txt");
        String text;
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new IOException(harness.getName() + " did not finish within 5 minutes");
            }
            text = java.nio.file.Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(harness.getName() + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(output);
        }
        List<LatencyResult> results = new ArrayList<>();
        for (String line : text.lines().filter(l -> l.startsWith(PREFIX)).toList()) {
            String[] f = line.split("\t");
            results.add(new LatencyResult(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                Long.parseLong(f[5]), Double.parseDouble(f[6])));
        }
        if (results.isEmpty()) {
            throw new IOException(harness.getName() + " printed no result:\n" + text);
        }
        return results;
    }

    private static List<String> flagsOf(Class<? extends LatencyHarness> harness) throws IOException {
        try {
            return harness.getConstructor().newInstance().jvmFlags();
        } catch (ReflectiveOperationException e) {
            throw new IOException(harness.getName() + " has no public no-argument constructor", e);
        }
    }

    static Map<String, LatencyResult> byContestant(List<LatencyResult> results) {
        Map<String, LatencyResult> map = new java.util.LinkedHashMap<>();
        results.forEach(r -> map.put(r.contestant(), r));
        return map;
    }
}
