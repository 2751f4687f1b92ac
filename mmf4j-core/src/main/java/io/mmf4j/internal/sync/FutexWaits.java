package io.mmf4j.internal.sync;

import java.lang.foreign.MemorySegment;

/**
 * The one wait loop of the sync cores, and their wake-up protocol: a futex word to sleep on, and a SIGNAL word
 * in the same block that says "a waiter may be asleep: the next release must wake one".
 *
 * <ul>
 * <li>A waiter that must sleep first sets SIGNAL to 1, then looks again (a release that came before the
 *     announcement is seen now), then sleeps on the futex word while it holds what the look saw.</li>
 * <li>A release changes the object's state, then calls {@link #wakeIfSignalled(int)}: only when SIGNAL is 1
 *     does it swap it to 0 and make the wake syscall. Both sides use sequentially consistent accesses, so
 *     either the release sees the signal or the waiter sees the release: no wake-up is lost. A release with
 *     nobody asleep costs one read; repeated releases while a woken waiter has not run yet cost one read each
 *     (the signal is spent), not a syscall each.</li>
 * <li>A waiter that slept sets SIGNAL again when it leaves (others may still sleep), and wakes one of them when
 *     the object may let another pass (it may have taken the wake-up meant for them).</li>
 * <li>Sleeps last at most {@link #CHECK_INTERVAL_NANOS}: then the caller's {@link Check} runs (a mutex asks
 *     whether its owner's process died and takes the lock if so), and an interrupt is noticed.</li>
 * </ul>
 *
 * {@snippet :
 * FutexWaits waits = new FutexWaits(block, COUNT_OFFSET, SIGNAL_OFFSET);
 * return waits.sleepUntil(timeoutNanos, true, () -> tryTake() ? FutexWaits.PASSED : 0, null, () -> count() > 0);
 * }
 *
 * <p>Thread-safe. Lifecycle: {@link #close()} (the handle is closing) wakes every sleeper on the word, and a
 * thread waiting through this handle then leaves with {@code IllegalStateException}.
 */
final class FutexWaits {
    /** How long a sleep lasts at most before the waiter runs its check and looks again. */
    static final long CHECK_INTERVAL_NANOS = 100_000_000L;
    /** {@link Look#look()}: the caller may pass. */
    static final long PASSED = Long.MIN_VALUE;
    /** {@link Look#look()}: look again at once, without sleeping (a CAS was lost to another waiter). */
    static final long AGAIN = Long.MAX_VALUE;

    /** One look at the object: {@link #PASSED}, {@link #AGAIN}, or the futex word's value to sleep on. */
    @FunctionalInterface
    interface Look {
        long look();
    }

    /** Run every {@link #CHECK_INTERVAL_NANOS} and at the timeout: {@code true} if the caller may pass now. */
    @FunctionalInterface
    interface Check {
        boolean passes();
    }

    /** Whether the object, as it is now, may let another waiter pass. */
    @FunctionalInterface
    interface Available {
        boolean now();
    }

    private final MemorySegment block;
    private final long signalOffset;
    /** The futex word, sliced once: sleeping and waking allocate nothing. */
    private final MemorySegment word;
    /** Set by {@link #close()}: a thread waiting through this handle leaves with IllegalStateException. */
    private volatile boolean closed;

    FutexWaits(MemorySegment block, long wordOffset, long signalOffset) {
        this.block = block;
        this.signalOffset = signalOffset;
        this.word = block.asSlice(wordOffset, 4);
    }

    /**
     * Looks until {@code look} (or {@code check}, null for none) lets the caller pass ({@code true}) or
     * {@code timeoutNanos} (negative: forever) runs out ({@code false}), sleeping between looks. An
     * uninterruptible wait keeps an interrupt for later: cleared while waiting (a virtual thread would not park
     * while it is set), set again on the way out.
     */
    boolean sleepUntil(long timeoutNanos, boolean interruptible, Look look, Check check, Available available)
            throws InterruptedException {
        long now = System.nanoTime();
        long deadline = now + (timeoutNanos < 0 ? 0 : Math.min(timeoutNanos, Long.MAX_VALUE / 4)); // no overflow
        long nextCheck = now + CHECK_INTERVAL_NANOS;
        boolean slept = false;
        boolean pendingInterrupt = false;
        try {
            while (true) {
                checkOpen();
                long seen = look.look();
                if (seen == AGAIN) {
                    continue;
                }
                if (seen != PASSED) {
                    Words.setIntVolatile(block, signalOffset, 1); // the next release must wake us
                    seen = look.look();
                }
                if (seen == PASSED) {
                    return true;
                }
                if (seen == AGAIN) {
                    continue;
                }
                now = System.nanoTime();
                boolean timedOut = timeoutNanos >= 0 && deadline - now <= 0;
                if (now - nextCheck >= 0 || timedOut) {
                    nextCheck = now + CHECK_INTERVAL_NANOS;
                    if (check != null && check.passes()) {
                        return true;
                    }
                    if (timedOut) {
                        return false;
                    }
                }
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException();
                    }
                    pendingInterrupt = true;
                }
                long sleep = Math.max(1, nextCheck - now);
                Words.await(word, (int) seen, timeoutNanos < 0 ? sleep : Math.min(sleep, deadline - now));
                slept = true;
            }
        } finally {
            if (slept) {
                Words.setIntVolatile(block, signalOffset, 1); // others may still sleep: the next release wakes one
                if (available.now()) {
                    wakeIfSignalled(1); // we may have taken their wake-up: pass it on
                }
            }
            if (pendingInterrupt) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After a release: wakes up to {@code count} sleepers if a waiter signalled that it may sleep. */
    void wakeIfSignalled(int count) {
        if (Words.getIntVolatile(block, signalOffset) != 0 && Words.getAndSetInt(block, signalOffset, 0) != 0) {
            Words.wake(word, count);
        }
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    void close() {
        closed = true;
        Words.wake(word, Integer.MAX_VALUE);
    }

    /** @throws IllegalStateException once {@link #close()} was called */
    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the handle was closed while this thread waited");
        }
    }
}
