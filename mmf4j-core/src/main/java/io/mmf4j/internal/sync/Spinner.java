package io.mmf4j.internal.sync;

/**
 * Adaptive spinning before a sleep, per sync handle: a waiter re-reads the shared word up to {@link #limit}
 * times (with {@link Thread#onSpinWait()}) in case the holder, running on another core, is about to let it
 * pass. A spin that succeeds doubles the limit (up to {@link #MAX_SPINS}), one that fails halves it (down to
 * {@link #MIN_SPINS}), so where spinning does not pay — the holder is not running, as on a loaded machine with
 * fewer cores than processes — it costs almost nothing. Bounded: a dead or descheduled holder costs one spin of
 * at most {@code MAX_SPINS} reads before the waiter sleeps and its owner-death checks begin.
 * {@code -Dmmf4j.sync.maxSpins=N} caps the limit (0: never spin).
 *
 * <p>Thread-safe: the limit is a hint, read and written without synchronisation (a lost update only changes how
 * long the next spin is).
 */
final class Spinner {
    static final int MAX_SPINS = Integer.getInteger("mmf4j.sync.maxSpins", 1 << 10);
    static final int MIN_SPINS = Math.min(MAX_SPINS, 8);

    /** What a spin waits for: true when the caller may stop spinning (it passed, or may try to). */
    @FunctionalInterface
    interface Condition {
        boolean met();
    }

    private int limit = Math.min(MAX_SPINS, 64);

    /** Spins until {@code condition} is met ({@code true}) or the current limit of reads passes ({@code false}). */
    boolean spin(Condition condition) {
        int spins = limit;
        for (int i = 0; i < spins; i++) {
            if (condition.met()) {
                limit = Math.min(MAX_SPINS, spins * 2);
                return true;
            }
            Thread.onSpinWait();
        }
        limit = Math.max(MIN_SPINS, spins / 2);
        return false;
    }
}
