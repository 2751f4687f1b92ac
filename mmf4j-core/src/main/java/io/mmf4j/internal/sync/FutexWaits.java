package io.mmf4j.internal.sync;

import java.lang.foreign.MemorySegment;

/**
 * The kernel-sleeping side that the sync cores share: one futex word of a block, the block's WAITERS count,
 * and whether the handle using them is closed.
 *
 * {@snippet :
 * FutexWaits waits = new FutexWaits(block, COUNT_OFFSET, WAITERS_OFFSET);
 * // slow path of an acquire: look, and sleep on the word while it still holds what the look saw
 * return waits.sleepUntil(timeoutNanos, true, () -> tryTake() ? FutexWaits.PASSED : 0);
 * }
 *
 * <p>Thread-safe. Lifecycle: {@link #close()} (the handle is closing) wakes every sleeper on the word, and a
 * thread waiting through this handle then leaves with {@code IllegalStateException}.
 */
public final class FutexWaits {
    /** {@link Look#look()}: the caller may pass. */
    public static final long PASSED = Long.MIN_VALUE;
    /** {@link Look#look()}: look again at once, without sleeping (a CAS was lost to another waiter). */
    public static final long AGAIN = Long.MAX_VALUE;

    /** One look at the object: {@link #PASSED}, {@link #AGAIN}, or the word's value to sleep on. */
    @FunctionalInterface
    public interface Look {
        long look();
    }

    private final MemorySegment block;
    private final long waitersOffset;
    /** The futex word, sliced once: sleeping and waking allocate nothing. */
    private final MemorySegment word;
    /** Set by {@link #close()}: a thread waiting through this handle leaves with IllegalStateException. */
    private volatile boolean closed;

    public FutexWaits(MemorySegment block, long wordOffset, long waitersOffset) {
        this.block = block;
        this.waitersOffset = waitersOffset;
        this.word = block.asSlice(wordOffset, 4);
    }

    /** The futex word (4 bytes of the block). */
    public MemorySegment word() {
        return word;
    }

    /**
     * Counted in WAITERS, looks until {@code look} lets the caller pass ({@code true}) or {@code timeoutNanos}
     * (negative: forever) runs out ({@code false}); between looks it sleeps on the word, at most
     * {@link MutexCore#CHECK_INTERVAL_NANOS} at a time so that an interrupt is noticed within that.
     */
    public boolean sleepUntil(long timeoutNanos, boolean interruptible, Look look) throws InterruptedException {
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        Words.addInt(block, waitersOffset, 1);
        try {
            while (true) {
                checkOpen();
                long seen = look.look();
                if (seen == PASSED) {
                    return true;
                }
                if (seen == AGAIN) {
                    continue;
                }
                long remaining = timeoutNanos < 0 ? -1 : deadline - System.nanoTime();
                if (timeoutNanos >= 0 && remaining <= 0) {
                    return false;
                }
                if (interruptible && Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long sleep = remaining < 0 ? MutexCore.CHECK_INTERVAL_NANOS
                        : Math.min(remaining, MutexCore.CHECK_INTERVAL_NANOS);
                Words.await(word, (int) seen, sleep);
            }
        } finally {
            Words.addInt(block, waitersOffset, -1);
        }
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    public void close() {
        closed = true;
        Words.wake(word, Integer.MAX_VALUE);
    }

    /** @throws IllegalStateException once {@link #close()} was called */
    public void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the handle was closed while this thread waited");
        }
    }
}
