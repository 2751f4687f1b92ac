package io.mmf4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts real child JVMs for multi-process tests. A child runs a {@code main} class from the test classes
 * against the library on the module path, exactly as a user's program would: only the exported API is
 * visible to it, and it runs with {@code --enable-native-access=io.mmf4j}.
 *
 * <p>Child main classes live in {@code io.mmf4j.testing.child}, a package the library module does not own.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** The command line that runs {@code mainClass} with {@code args} in a child JVM. */
    public static List<String> command(Class<?> mainClass, String... args) {
        String javaHome = System.getProperty("mmf4j.test.java", System.getProperty("java.home"));
        String classes = required("mmf4j.test.classes");
        String testClasses = required("mmf4j.test.testClasses");
        List<String> command = new ArrayList<>(List.of(
                Path.of(javaHome, "bin", "java").toString(),
                "--enable-native-access=io.mmf4j",
                "-XX:+UseSerialGC", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-p", classes, "--add-modules", "io.mmf4j",
                "-cp", testClasses,
                mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the child; its stdout is read by the caller, stderr goes to {@code stderr}. */
    public static Process start(Path stderr, Class<?> mainClass, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, args));
        builder.redirectError(stderr.toFile());
        return builder.start();
    }

    /** Runs the child to completion and returns its exit code and output; fails after {@code seconds}. */
    public static Result run(int seconds, Class<?> mainClass, String... args) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("child-jvm", ".err");
        try {
            Process process = start(stderr, mainClass, args);
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(mainClass.getSimpleName() + " did not finish in " + seconds + " s");
            }
            return new Result(process.exitValue(), new String(out), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
        }
        return value;
    }

    /** What a finished child left behind. */
    public record Result(int exitCode, String stdout, String stderr) {
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("child exited with " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }
}
