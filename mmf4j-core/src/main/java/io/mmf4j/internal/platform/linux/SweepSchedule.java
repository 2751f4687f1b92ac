package io.mmf4j.internal.platform.linux;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a creation in a namespace also sweeps it: the first creation of this process in the namespace, then
 * the first one after an interval ({@value #DEFAULT_INTERVAL_MILLIS} ms, system property
 * {@value #INTERVAL_PROPERTY}) that is also at least {@value #DUTY_FACTOR} times as long as the last sweep
 * took — so sweeping costs a creator at most 1/{@value #DUTY_FACTOR} of its time, whatever the namespace holds.
 * Exactly one of the threads that find a sweep due gets it. Thread-safe.
 */
final class SweepSchedule {
    static final String INTERVAL_PROPERTY = "mmf4j.namespace.sweepIntervalMillis";
    static final long DEFAULT_INTERVAL_MILLIS = 1000;
    static final long DUTY_FACTOR = 50;

    private static final long NEVER = Long.MIN_VALUE;
    private static final long SWEEPING = Long.MAX_VALUE;
    /** Per directory: the System.nanoTime() from which the next sweep is due, or NEVER, or SWEEPING. */
    private static final ConcurrentHashMap<Path, AtomicLong> NEXT = new ConcurrentHashMap<>();

    private SweepSchedule() {}

    /** Whether the caller should sweep {@code directory} now; if so, no other caller gets it until {@link #swept}. */
    static boolean claim(Path directory) {
        AtomicLong next = NEXT.computeIfAbsent(directory, d -> new AtomicLong(NEVER));
        long due = next.get();
        if (due == SWEEPING || due != NEVER && System.nanoTime() - due < 0) {
            return false;
        }
        return next.compareAndSet(due, SWEEPING);
    }

    /** Records a sweep of {@code directory} (claimed or not, finished or failed) that took {@code nanos}. */
    static void swept(Path directory, long nanos) {
        long interval = Long.getLong(INTERVAL_PROPERTY, DEFAULT_INTERVAL_MILLIS) * 1_000_000L;
        long wait = Math.max(interval, DUTY_FACTOR * nanos);
        NEXT.computeIfAbsent(directory, d -> new AtomicLong()).set(System.nanoTime() + wait);
    }
}
