package io.mmf4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long job over a known number of bytes: silent for the first second, then a progress bar on
 * stderr (me.tongfei progressbar) that starts from what is already done. Quick jobs print nothing extra.
 * Not thread-safe: one worker advances it.
 */
final class Progress implements AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final int WIDTH = 100;

    private final String task;
    private final long total;
    private final long start = System.nanoTime();
    private final PrintStream err;
    private long done;
    private ProgressBar bar;

    Progress(String task, long total, PrintStream err) {
        this.task = task;
        this.total = total;
        this.err = err;
    }

    void advance(long bytes) {
        done += bytes;
        if (bar != null) {
            bar.stepBy(bytes);
        } else {
            long elapsed = System.nanoTime() - start;
            if (elapsed > QUIET_NANOS && done < total && onTerminal()) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit("MiB", 1 << 20)
                        .setStyle(ProgressBarStyle.ASCII).showSpeed()
                        .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH))
                        .startsFrom(done, Duration.ofNanos(elapsed)).build();
            }
        }
    }

    /**
     * A bar redraws itself with carriage returns: only a terminal shows that as a bar, a log file gets noise. The
     * JDK tells whether stdin and stdout are a terminal; stderr, where the bar goes, is asked through its link.
     */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return false;
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    long elapsedNanos() {
        return System.nanoTime() - start;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
