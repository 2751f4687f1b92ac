package io.mmf4j.internal.sync;

import static io.mmf4j.internal.sync.EventDescriptor.GENERATION_STEP;
import static io.mmf4j.internal.sync.EventDescriptor.MANUAL_OFFSET;
import static io.mmf4j.internal.sync.EventDescriptor.SET_BIT;
import static io.mmf4j.internal.sync.EventDescriptor.STATE_OFFSET;
import static io.mmf4j.internal.sync.EventDescriptor.SIGNAL_OFFSET;

import java.lang.foreign.MemorySegment;

/**
 * The event algorithm over an {@link EventDescriptor} block.
 *
 * <ul>
 * <li>Auto-reset: {@code set} turns the SET bit on (and the generation up) and wakes one sleeper; a waiter
 *     passes by turning the bit off with one CAS, so each set lets exactly one wait through. Setting an event
 *     that is already set changes nothing (it is a flag, not a counter), as on Windows.</li>
 * <li>Manual-reset: {@code set} wakes every sleeper and the bit stays on until {@code reset}; a waiter passes
 *     when the bit is on or the generation moved while it slept (set and reset again meanwhile).</li>
 * </ul>
 *
 * <p>Thread-safe; events have no owner, so the death of a process leaves nothing to repair.
 */
public final class EventCore {
    private final MemorySegment block;
    /** Sleeps on STATE while it holds what the waiter saw. */
    private final FutexWaits waits;
    private final Spinner spinner = new Spinner();

    public EventCore(MemorySegment block) {
        this.block = block;
        this.waits = new FutexWaits(block, STATE_OFFSET, SIGNAL_OFFSET);
    }

    /** Writes the mode and initial state of a new event, before its block is published. */
    public static void initialise(MemorySegment block, boolean manualReset, boolean initiallySet) {
        Words.setIntVolatile(block, MANUAL_OFFSET, manualReset ? 1 : 0);
        Words.setIntVolatile(block, STATE_OFFSET, initiallySet ? SET_BIT : 0);
    }

    public boolean manualReset() {
        return Words.getIntVolatile(block, MANUAL_OFFSET) != 0;
    }

    public boolean isSet() {
        return (Words.getIntVolatile(block, STATE_OFFSET) & SET_BIT) != 0;
    }

    /** Sets the event; returns {@code false} if it was set already. */
    public boolean set() {
        while (true) {
            int state = Words.getIntVolatile(block, STATE_OFFSET);
            if ((state & SET_BIT) != 0) {
                return false;
            }
            if (Words.compareAndSetInt(block, STATE_OFFSET, state, (state + GENERATION_STEP) | SET_BIT)) {
                waits.wakeIfSignalled(manualReset() ? Integer.MAX_VALUE : 1);
                return true;
            }
        }
    }

    /** Resets the event; returns {@code false} if it was not set. */
    public boolean reset() {
        while (true) {
            int state = Words.getIntVolatile(block, STATE_OFFSET);
            if ((state & SET_BIT) == 0) {
                return false;
            }
            if (Words.compareAndSetInt(block, STATE_OFFSET, state, state & ~SET_BIT)) {
                return true;
            }
        }
    }

    /** Waits until the event lets this caller through, at most {@code timeoutNanos} (negative: forever). */
    public boolean await(long timeoutNanos, boolean interruptible) throws InterruptedException {
        boolean manual = manualReset();
        int seen = Words.getIntVolatile(block, STATE_OFFSET);
        if (passes(manual, seen, seen)) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        if (spinner.spin(() -> Words.getIntVolatile(block, STATE_OFFSET) != seen)) {
            int state = Words.getIntVolatile(block, STATE_OFFSET);
            if (passes(manual, seen, state)) {
                return true;
            }
        }
        int start = seen;
        return waits.sleepUntil(timeoutNanos, interruptible, () -> {
            int state = Words.getIntVolatile(block, STATE_OFFSET);
            if (passes(manual, start, state)) {
                return FutexWaits.PASSED;
            }
            if ((state & SET_BIT) != 0) {
                return FutexWaits.AGAIN; // auto-reset: lost the CAS to another waiter, look again
            }
            return state;
        }, null, () -> !manual && (Words.getIntVolatile(block, STATE_OFFSET) & SET_BIT) != 0);
    }

    private boolean passes(boolean manual, int start, int state) {
        if (manual) {
            return (state & SET_BIT) != 0 || (state & ~SET_BIT) != (start & ~SET_BIT);
        }
        return (state & SET_BIT) != 0 && Words.compareAndSetInt(block, STATE_OFFSET, state, state & ~SET_BIT);
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    public void close() {
        waits.close();
    }
}
