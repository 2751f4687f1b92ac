package io.mmf4j.internal.sync;

import static io.mmf4j.internal.sync.SemaphoreDescriptor.COUNT_OFFSET;
import static io.mmf4j.internal.sync.SemaphoreDescriptor.MAXIMUM_OFFSET;
import static io.mmf4j.internal.sync.SemaphoreDescriptor.SIGNAL_OFFSET;

import java.lang.foreign.MemorySegment;

/**
 * The counting-semaphore algorithm over a {@link SemaphoreDescriptor} block: acquire is one CAS that takes a
 * permit when one is free; otherwise the caller spins ({@link Spinner}), then sleeps in the kernel on COUNT
 * while it is 0 ({@link FutexWaits}: it signals first). Release adds permits with a CAS (never past MAXIMUM)
 * and, only when a waiter signalled, wakes as many sleepers as it added.
 *
 * <p>Permits belong to nobody, so a process that dies simply takes its permits with it, as on Windows.
 * Thread-safe.
 */
public final class SemaphoreCore {
    private final MemorySegment block;
    /** Sleeps on COUNT while it is 0. */
    private final FutexWaits waits;
    private final Spinner spinner = new Spinner();

    public SemaphoreCore(MemorySegment block) {
        this.block = block;
        this.waits = new FutexWaits(block, COUNT_OFFSET, SIGNAL_OFFSET);
    }

    /** Writes the counts of a new semaphore (before its block is published to any other thread or process). */
    public static void initialise(MemorySegment block, int initial, int maximum) {
        Words.setIntVolatile(block, MAXIMUM_OFFSET, maximum);
        Words.setIntVolatile(block, COUNT_OFFSET, initial);
    }

    public int maximum() {
        return Words.getIntVolatile(block, MAXIMUM_OFFSET);
    }

    public int available() {
        return Words.getIntVolatile(block, COUNT_OFFSET);
    }

    /** Takes one permit, waiting at most {@code timeoutNanos} (negative: forever); {@code false} on timeout. */
    public boolean acquire(long timeoutNanos, boolean interruptible) throws InterruptedException {
        if (tryTake()) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        if (spinner.spin(() -> Words.getIntVolatile(block, COUNT_OFFSET) > 0) && tryTake()) {
            return true;
        }
        return waits.sleepUntil(timeoutNanos, interruptible, () -> tryTake() ? FutexWaits.PASSED : 0, null,
                () -> Words.getIntVolatile(block, COUNT_OFFSET) > 0);
    }

    private boolean tryTake() {
        while (true) {
            int count = Words.getIntVolatile(block, COUNT_OFFSET);
            if (count <= 0) {
                return false;
            }
            if (Words.compareAndSetInt(block, COUNT_OFFSET, count, count - 1)) {
                return true;
            }
        }
    }

    /**
     * Adds {@code permits} and returns the count before; {@code -1} (adding nothing) when that would pass the
     * maximum, for the caller to turn into an exception.
     */
    public int release(int permits) {
        int maximum = maximum();
        while (true) {
            int count = Words.getIntVolatile(block, COUNT_OFFSET);
            if (permits > maximum - count) {
                return -1;
            }
            if (Words.compareAndSetInt(block, COUNT_OFFSET, count, count + permits)) {
                waits.wakeIfSignalled(permits);
                return count;
            }
        }
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    public void close() {
        waits.close();
    }
}
