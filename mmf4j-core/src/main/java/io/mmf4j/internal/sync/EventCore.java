package io.mmf4j.internal.sync;

import static io.mmf4j.internal.sync.EventDescriptor.GENERATION_STEP;
import static io.mmf4j.internal.sync.EventDescriptor.MANUAL_OFFSET;
import static io.mmf4j.internal.sync.EventDescriptor.SET_BIT;
import static io.mmf4j.internal.sync.EventDescriptor.STATE_OFFSET;
import static io.mmf4j.internal.sync.EventDescriptor.WAITERS_OFFSET;

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

    public EventCore(MemorySegment block) {
        this.block = block;
        this.waits = new FutexWaits(block, STATE_OFFSET, WAITERS_OFFSET);
    }

    /** Writes the mode and initial state of a new event, before its block is published. */
    public static void initialise(MemorySegment block, boolean manualReset, boolean initiallySet) {
        Words.setInt(block, MANUAL_OFFSET, manualReset ? 1 : 0);
        Words.setInt(block, STATE_OFFSET, initiallySet ? SET_BIT : 0);
    }

    public boolean manualReset() {
        return Words.getInt(block, MANUAL_OFFSET) != 0;
    }

    public boolean isSet() {
        return (Words.getInt(block, STATE_OFFSET) & SET_BIT) != 0;
    }

    /** Sets the event; returns {@code false} if it was set already. */
    public boolean set() {
        while (true) {
            int state = Words.getInt(block, STATE_OFFSET);
            if ((state & SET_BIT) != 0) {
                return false;
            }
            if (Words.casInt(block, STATE_OFFSET, state, (state + GENERATION_STEP) | SET_BIT)) {
                if (Words.getInt(block, WAITERS_OFFSET) > 0) {
                    Words.wake(waits.word(), manualReset() ? Integer.MAX_VALUE : 1);
                }
                return true;
            }
        }
    }

    /** Resets the event; returns {@code false} if it was not set. */
    public boolean reset() {
        while (true) {
            int state = Words.getInt(block, STATE_OFFSET);
            if ((state & SET_BIT) == 0) {
                return false;
            }
            if (Words.casInt(block, STATE_OFFSET, state, state & ~SET_BIT)) {
                return true;
            }
        }
    }

    /** Waits until the event lets this caller through, at most {@code timeoutNanos} (negative: forever). */
    public boolean await(long timeoutNanos, boolean interruptible) throws InterruptedException {
        boolean manual = manualReset();
        int seen = Words.getInt(block, STATE_OFFSET);
        if (passes(manual, seen, seen)) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        // A setter in another running process may be a few microseconds away: spin briefly before sleeping.
        if (Words.spinWhileInt(block, STATE_OFFSET, seen)) {
            int state = Words.getInt(block, STATE_OFFSET);
            if (passes(manual, seen, state)) {
                return true;
            }
        }
        int start = seen;
        return waits.sleepUntil(timeoutNanos, interruptible, () -> {
            int state = Words.getInt(block, STATE_OFFSET);
            if (passes(manual, start, state)) {
                return FutexWaits.PASSED;
            }
            if ((state & SET_BIT) != 0) {
                return FutexWaits.AGAIN; // auto-reset: lost the CAS to another waiter, look again
            }
            return state;
        });
    }

    private boolean passes(boolean manual, int start, int state) {
        if (manual) {
            return (state & SET_BIT) != 0 || (state & ~SET_BIT) != (start & ~SET_BIT);
        }
        return (state & SET_BIT) != 0 && Words.casInt(block, STATE_OFFSET, state, state & ~SET_BIT);
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    public void close() {
        waits.close();
    }
}
