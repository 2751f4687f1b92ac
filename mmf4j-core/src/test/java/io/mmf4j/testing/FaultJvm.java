package io.mmf4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a child JVM for the fault suite: with extra JVM flags (e.g. {@code -Xint}, {@code -Xcomp}), its crash
 * log directed into a folder of the test's own, and a memory watchdog. Every 10 ms the watchdog reads the
 * child's {@code RssAnon} and {@code RssShmem} from {@code /proc/PID/status} and kills it (SIGKILL) once their
 * sum passes the bound. Memory a child commits without mapping it (fallocate on a memfd or a tmpfs file) shows
 * in no RSS, so the watchdog also kills it when the machine's {@code MemAvailable} or the free space of the
 * work directory's file system has fallen by more than a second bound since the child started: no test can
 * exhaust the machine, the disk included. (Other processes' use counts against that second bound too, so it
 * is set well above what the child itself should take.)
 *
 * <p>Not thread-safe: one instance per call. {@link Outcome} tells the exit code, the output, whether the
 * watchdog fired and whether the JVM left an {@code hs_err} file (it crashed).
 */
public final class FaultJvm {
    private FaultJvm() {}

    /** What a child JVM left behind. */
    public record Outcome(int exitCode, String stdout, String stderr, boolean killedByWatchdog, long peakKib,
                          List<String> crashLogs) {
        /** Fails unless the child ended normally: exit 0, no crash log, the watchdog quiet. */
        public Outcome assertEndedNormally() {
            if (exitCode != 0 || killedByWatchdog || !crashLogs.isEmpty()) {
                throw new AssertionError("child exit " + exitCode + (killedByWatchdog ? ", killed by the memory watchdog" : "")
                        + (crashLogs.isEmpty() ? "" : ", crash log " + crashLogs) + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    /** {@link #run(Path, int, long, long, List, Class, String...)} with a machine-drop bound of 4 GiB. */
    public static Outcome run(Path workDir, int seconds, long memoryBoundBytes, List<String> jvmFlags,
                              Class<?> mainClass, String... args) throws IOException, InterruptedException {
        return run(workDir, seconds, memoryBoundBytes, 4L << 30, jvmFlags, mainClass, args);
    }

    /**
     * Runs {@code mainClass} with {@code jvmFlags} and {@code args}; kills it after {@code seconds}, as soon as
     * its anonymous plus shared-memory resident set passes {@code memoryBoundBytes}, or as soon as the machine's
     * available memory or the work directory's free disk space has fallen by {@code machineDropBytes}.
     */
    public static Outcome run(Path workDir, int seconds, long memoryBoundBytes, long machineDropBytes,
                              List<String> jvmFlags, Class<?> mainClass, String... args)
            throws IOException, InterruptedException {
        Path crashDir = Files.createTempDirectory(workDir, "crash");
        List<String> command = new ArrayList<>(ChildJvm.command(mainClass, args));
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-XX:ErrorFile=" + crashDir.resolve("hs_err_pid%p.log"));
        flags.add("-XX:-CreateCoredumpOnCrash");
        command.addAll(1, flags);
        Path out = workDir.resolve("child-" + System.nanoTime() + ".out");
        Path err = workDir.resolve("child-" + System.nanoTime() + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean killed = false;
        long peak = 0;
        java.nio.file.FileStore store = Files.getFileStore(workDir);
        long diskAtStart = store.getUsableSpace();
        long availableAtStart = availableKib();
        try {
            while (!process.waitFor(10, TimeUnit.MILLISECONDS)) {
                long kib = residentKib(process.pid());
                peak = Math.max(peak, kib);
                long machineDrop = (availableAtStart - availableKib()) * 1024;
                long diskDrop = diskAtStart - store.getUsableSpace();
                if (kib * 1024 > memoryBoundBytes || machineDrop > machineDropBytes || diskDrop > machineDropBytes) {
                    killed = true;
                    process.destroyForcibly().waitFor();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(mainClass.getSimpleName() + " did not finish in " + seconds + " s\n"
                            + Files.readString(out) + Files.readString(err));
                }
            }
            List<String> crashLogs;
            try (Stream<Path> files = Files.list(crashDir)) {
                crashLogs = files.map(Path::toString).toList();
            }
            return new Outcome(process.exitValue(), Files.readString(out), Files.readString(err), killed, peak, crashLogs);
        } finally {
            process.destroyForcibly();
        }
    }

    /** MemAvailable of the machine in KiB. */
    public static long availableKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no /proc/meminfo: the RSS bound alone applies
        }
        return 0;
    }

    /** RssAnon + RssShmem of a live process in KiB; 0 once it is gone. */
    public static long residentKib(long pid) {
        try {
            long kib = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("RssAnon:") || line.startsWith("RssShmem:")) {
                    kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return kib;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
