package io.mmf4j.ipc;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.QueueChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link QueueChild} JVM whose stdout lines arrive in a queue, read by a daemon thread. Closing kills it
 * (SIGKILL, as {@link #kill()} does) and removes its stderr file.
 */
final class QueueProcess implements AutoCloseable {
    final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    QueueProcess(String mode, Path namespace, String queue, String... more) throws IOException {
        stderr = Files.createTempFile("queue-child", ".err");
        List<String> args = new ArrayList<>(List.of(mode, namespace.toString(), queue));
        args.addAll(List.of(more));
        process = ChildJvm.start(stderr, QueueChild.class, args.toArray(String[]::new));
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

    /** Waits for the line {@code wanted}, collecting the lines before it into {@code before} (if not null). */
    void expect(String wanted, int seconds, List<String> before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no \"" + wanted + "\" from the child in " + seconds + " s; stderr:\n"
                        + Files.readString(stderr));
            }
            if (line.equals(wanted)) {
                return;
            }
            if (before == null) {
                throw new AssertionError("expected \"" + wanted + "\", got \"" + line + "\"; stderr:\n"
                        + Files.readString(stderr));
            }
            before.add(line);
        }
    }

    void expect(String wanted, int seconds) throws Exception {
        expect(wanted, seconds, null);
    }

    /** The next line if one arrives within {@code millis}, else null. */
    String poll(long millis) throws InterruptedException {
        return lines.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** The lines that arrived so far and were not taken. */
    List<String> drain() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** kill -9, and wait until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(stderr);
    }
}
