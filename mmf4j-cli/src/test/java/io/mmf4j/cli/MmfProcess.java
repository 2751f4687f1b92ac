package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code mmf} command in a child JVM, exactly as {@code ./mmf} does: the packaged jars on the
 * module path, native access for the library. Optionally as user {@code nobody} (the tests run as root,
 * which no file permission stops), through {@code setpriv}. Never invokes Maven.
 */
final class MmfProcess {
    static final int NOBODY = 65534;
    private static final long TIMEOUT_SECONDS = 120;

    private MmfProcess() {}

    /** What a run printed and returned. */
    record Result(int exit, String out, String err) {
        /** Asserts the exit code, showing both streams when it differs. */
        Result exits(int expected) {
            assertEquals(expected, exit, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        /** Asserts a failure reported as exactly one line on stderr, with no stack trace. */
        Result failsWithOneLine(int expected, String fragment) {
            exits(expected);
            List<String> lines = err.lines().toList();
            assertEquals(1, lines.size(), () -> "stderr should be one line:\n" + err);
            assertTrue(lines.get(0).contains(fragment), () -> "stderr should mention '" + fragment + "':\n" + err);
            return this;
        }
    }

    static Result run(String... args) throws Exception {
        return run(null, false, args);
    }

    static Result runWithInput(byte[] stdin, String... args) throws Exception {
        return run(stdin, false, args);
    }

    static Result runAsNobody(String... args) throws Exception {
        return run(null, true, args);
    }

    /**
     * Starts mmf without waiting, for commands that keep running: the caller reads its stdout, and ends it by
     * closing its stdin. Its stderr goes to the test's own.
     */
    static Process start(String... args) throws IOException {
        return new ProcessBuilder(command(false, args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static Result run(byte[] stdin, boolean asNobody, String... args) throws Exception {
        Process process = new ProcessBuilder(command(asNobody, args)).start();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mmf " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), out.get(), err.get());
    }

    static List<String> command(boolean asNobody, String... args) {
        List<String> command = new ArrayList<>();
        if (asNobody) {
            command.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        command.add(Path.of(System.getProperty("mmf4j.test.java"), "bin", "java").toString());
        command.addAll(List.of("-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "--enable-native-access=io.mmf4j",
                "-p", System.getProperty("mmf4j.cli.jar") + ":" + System.getProperty("mmf4j.cli.lib"),
                "-m", "io.mmf4j.cli/io.mmf4j.cli.Mmf"));
        command.addAll(List.of(args));
        return command;
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
