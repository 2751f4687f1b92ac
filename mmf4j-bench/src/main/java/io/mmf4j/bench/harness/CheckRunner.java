package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link Contestant.Check} in a child JVM ({@code -Xmx64m}) under a watchdog that reads the child's resident
 * memory ({@code VmRSS} of {@code /proc/PID/status}) every 10 ms and kills it past the check's bound, so that a
 * check asking for a huge size can never exhaust the machine. Stateless.
 */
public final class CheckRunner {
    private static final String PREFIX = "CHECK ";

    /** A passed check's figure and what it saw. */
    public record Outcome(double nanos, String detail) {}

    private CheckRunner() {}

    /** Runs {@code check}; returns its figure, or throws with the reason it failed (the watchdog's, or its output). */
    public static Outcome run(Contestant.Check check) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command(check.main(), check.args());
        command.add(1, "-Xmx64m");
        Path output = Files.createTempFile("mmf4j-check", ".txt");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            long peakKiB = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            try {
                while (!child.waitFor(10, TimeUnit.MILLISECONDS)) {
                    long rss = rssKiB(child.pid());
                    peakKiB = Math.max(peakKiB, rss);
                    if (rss > check.maxRssMiB() * 1024) {
                        throw new IOException(check.id() + ": killed by the watchdog at " + rss / 1024 + " MiB resident"
                            + " (bound " + check.maxRssMiB() + " MiB)");
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IOException(check.id() + ": did not finish within 2 minutes");
                    }
                }
            } finally {
                if (child.isAlive()) {
                    child.destroyForcibly().waitFor();
                }
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(text.lines().filter(l -> l.startsWith(PREFIX)).toList());
            if (child.exitValue() != 0 || lines.isEmpty()) {
                throw new IOException(check.id() + ": failed (exit code " + child.exitValue() + "):\n" + text);
            }
            String line = lines.get(lines.size() - 1).substring(PREFIX.length());
            int space = line.indexOf(' ');
            return new Outcome(Double.parseDouble(space < 0 ? line : line.substring(0, space)),
                (space < 0 ? "" : line.substring(space + 1)) + "; child peak RSS seen by the watchdog "
                    + peakKiB / 1024 + " MiB (bound " + check.maxRssMiB() + ")");
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Prints the line a check's {@code main} ends with when it passed. */
    public static void pass(long nanos, String detail) {
        System.out.println(PREFIX + nanos + " " + detail);
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the child just exited
        }
        return 0;
    }
}
