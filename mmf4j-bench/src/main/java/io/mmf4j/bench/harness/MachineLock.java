package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds JMH's own machine-wide lock ({@code /tmp/jmh.lock}) for the whole suite run, so that the C floors, the JMH
 * benchmarks and the cross-process runs never measure alongside another benchmark run on the same machine. While
 * it is held, JMH is told to skip its own attempt ({@code jmh.ignoreLock}). Smoke runs do not take it.
 */
final class MachineLock implements AutoCloseable {
    private static final Path LOCK = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");

    private final FileChannel channel;
    private final FileLock lock;

    private MachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits (up to {@code maxWaitSeconds}) until no other benchmark run holds the lock, then takes it. */
    static MachineLock acquire(int maxWaitSeconds) throws IOException, InterruptedException {
        FileChannel channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + maxWaitSeconds * 1_000_000_000L;
        boolean told = false;
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                System.setProperty("jmh.ignoreLock", "true");
                return new MachineLock(channel, lock);
            }
            if (System.nanoTime() > deadline) {
                channel.close();
                throw new IOException("another benchmark run has held " + LOCK + " for over " + maxWaitSeconds + " s");
            }
            if (!told) {
                System.out.println("mmf4j bench: another benchmark run holds " + LOCK + "; waiting for it to finish");
                told = true;
            }
            Thread.sleep(2000);
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
