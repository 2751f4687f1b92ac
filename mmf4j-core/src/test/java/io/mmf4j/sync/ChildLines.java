package io.mmf4j.sync;

import io.mmf4j.testing.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM whose stdout lines arrive in a queue, read by a daemon thread. Closing kills it (SIGKILL). */
final class ChildLines implements AutoCloseable {
    final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    ChildLines(Class<?> main, String... args) throws IOException {
        stderr = Files.createTempFile("sync-child", ".err");
        process = ChildJvm.start(stderr, main, args);
        process.getOutputStream().close();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
    }

    /** The next line, waiting at most {@code seconds}; fails the test with the child's stderr otherwise. */
    String expect(String wanted, int seconds) throws Exception {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (!wanted.equals(line)) {
            throw new AssertionError("expected \"" + wanted + "\" from the child, got " + line + "; stderr:\n"
                    + Files.readString(stderr));
        }
        return line;
    }

    /** The next line if one arrives within {@code millis}, else null. */
    String poll(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderr);
    }
}
