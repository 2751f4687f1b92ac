package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a separate JVM on this JVM's class path with the flags the benchmarks need, for cross-process
 * benchmarks. When the harness runs a {@link LatencyHarness} pinned to one CPU, the child goes on the other one
 * ({@code taskset}), so the two sides of a round trip never share a CPU. The child gets this JVM's {@code mmf4j.*}
 * tuning properties ({@link TuningFlags}), so both sides run with the same tuning. The caller owns the process: wait
 * for it or destroy it.
 *
 * {@snippet :
 * Process echo = ChildJvm.start(EchoMain.class, file.toString());
 * }
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> mainClass, String... args) throws IOException {
        String pinned = System.getProperty(Cpus.PROPERTY);
        List<String> command = new ArrayList<>(Cpus.taskset(pinned == null ? null : pinned.split(",")[1]));
        command.addAll(command(mainClass, List.of(args)));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** {@code java <flags> <tuning flags> -cp <this class path> mainClass args}, unpinned. */
    static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JmhSuite.JVM_FLAGS));
        command.addAll(TuningFlags.forChild());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(args);
        return command;
    }
}
