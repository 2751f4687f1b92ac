package io.mmf4j.internal.sync;

import static io.mmf4j.internal.sync.MutexDescriptor.ABANDONED_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.OWNER_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.RECURSION_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.SIGNAL_OFFSET;

import java.lang.foreign.MemorySegment;

/**
 * The mutex algorithm over a {@link MutexDescriptor} block of shared memory: a re-entrant, owner-death-aware
 * lock for Java threads of any number of processes.
 *
 * <ul>
 * <li>Uncontended: one CAS of OWNER from 0 to the caller's owner word; unlock is one volatile store of 0 and a
 *     read of SIGNAL. RECURSION counts the holds beyond the first, so the first lock and last unlock never
 *     touch it.</li>
 * <li>Contended: the waiter spins ({@link Spinner}, adaptive and bounded) in case the owner, running on another
 *     core, is about to unlock; then it sleeps through {@link FutexWaits}: it sets SIGNAL, re-checks OWNER and
 *     sleeps on SIGNAL. An unlock wakes one sleeper only when SIGNAL is set, and spends the signal, so an owner
 *     that unlocks and re-locks many times before the woken waiter runs pays one wake syscall, not one per
 *     unlock. The lock is not handed off: whoever CASes first after an unlock gets it (no convoy of
 *     sleep-wake hand-offs; as glibc's and Java's locks, not fair).</li>
 * <li>Owner death: sleeps are bounded by {@link FutexWaits#CHECK_INTERVAL_NANOS}; a waiter whose sleep times
 *     out asks whether the owner's process is gone, and if so takes the lock with one CAS and reports it
 *     abandoned. Threads that end in a live process are handled by that process's watch ({@link Owners}).</li>
 * </ul>
 *
 * <p>Thread-safe. Holds no state of its own besides the segment and a spin hint; closing the segment's arena
 * makes every further call throw {@code IllegalStateException}.
 */
public final class MutexCore {
    private static final int MAX_EXTRA_HOLDS = Integer.MAX_VALUE - 1;

    /** {@link #acquire} results. */
    public static final int ACQUIRED = 0;
    public static final int ACQUIRED_ABANDONED = 1;
    public static final int TIMED_OUT = 2;

    private final MemorySegment block;
    private final FutexWaits waits;
    private final Spinner spinner = new Spinner();

    /** A core over {@code block}, which holds a {@link MutexDescriptor} layout (zeros: a free mutex). */
    public MutexCore(MemorySegment block) {
        this.block = block;
        this.waits = new FutexWaits(block, SIGNAL_OFFSET, SIGNAL_OFFSET);
    }

    /**
     * Acquires for the calling thread, waiting at most {@code timeoutNanos} (negative: forever).
     *
     * @return {@link #ACQUIRED}, {@link #ACQUIRED_ABANDONED} (the lock is held, its previous owner died holding
     *         it) or {@link #TIMED_OUT}
     * @throws InterruptedException when {@code interruptible} and the thread is interrupted while waiting
     */
    public int acquire(long timeoutNanos, boolean interruptible) throws InterruptedException {
        Owners.ThreadRecord me = Owners.current();
        if (Words.compareAndSetLong(block, OWNER_OFFSET, 0L, me.word)) {
            return acquired(me, false);
        }
        if (Words.getLongVolatile(block, OWNER_OFFSET) == me.word) {
            int extra = Words.getIntOpaque(block, RECURSION_OFFSET);
            if (extra == MAX_EXTRA_HOLDS) {
                throw new IllegalMonitorStateException("maximum lock count exceeded");
            }
            Words.setIntRelease(block, RECURSION_OFFSET, extra + 1);
            return ACQUIRED;
        }
        if (timeoutNanos == 0) {
            return slowCheckOnce(me);
        }
        if (spinner.spin(() -> Words.getLongVolatile(block, OWNER_OFFSET) == 0)
                && Words.compareAndSetLong(block, OWNER_OFFSET, 0L, me.word)) {
            return acquired(me, false);
        }
        boolean[] ownerDied = new boolean[1];
        boolean passed = waits.sleepUntil(timeoutNanos, interruptible, () -> {
            long owner = Words.getLongVolatile(block, OWNER_OFFSET);
            if (owner != 0) {
                return 1; // sleep on SIGNAL while it is 1
            }
            return Words.compareAndSetLong(block, OWNER_OFFSET, 0L, me.word) ? FutexWaits.PASSED : FutexWaits.AGAIN;
        }, () -> {
            long owner = Words.getLongVolatile(block, OWNER_OFFSET);
            return ownerDied[0] = owner != 0 && Owners.processGone(owner)
                    && Words.compareAndSetLong(block, OWNER_OFFSET, owner, me.word);
        }, () -> Words.getLongVolatile(block, OWNER_OFFSET) == 0);
        return passed ? acquired(me, ownerDied[0]) : TIMED_OUT;
    }

    /**
     * One compare-and-set from free to the calling thread: {@link #ACQUIRED} (or {@link #ACQUIRED_ABANDONED}), or
     * {@link #TIMED_OUT} if anyone holds the lock — without the dead-owner check, so it is cheap enough to spin on.
     */
    public int tryAcquireFree() {
        Owners.ThreadRecord me = Owners.current();
        return Words.compareAndSetLong(block, OWNER_OFFSET, 0L, me.word) ? acquired(me, false) : TIMED_OUT;
    }

    /** Whether nobody holds the lock now (a hint: it may be taken the next instant). */
    public boolean looksFree() {
        return Words.getLongVolatile(block, OWNER_OFFSET) == 0;
    }

    /** tryLock(): no wait, but a dead owner's lock is taken (as Win32's zero-timeout wait does). */
    private int slowCheckOnce(Owners.ThreadRecord me) {
        long owner = Words.getLongVolatile(block, OWNER_OFFSET);
        if (owner == 0) {
            return Words.compareAndSetLong(block, OWNER_OFFSET, 0L, me.word) ? acquired(me, false) : TIMED_OUT;
        }
        if (Owners.processGone(owner) && Words.compareAndSetLong(block, OWNER_OFFSET, owner, me.word)) {
            return acquired(me, true);
        }
        return TIMED_OUT;
    }

    private int acquired(Owners.ThreadRecord me, boolean ownerDied) {
        me.held++;
        if (ownerDied) {
            Words.setIntRelease(block, RECURSION_OFFSET, 0); // the dead owner's extra holds die with it
        }
        // The watch of a live process marks a dead thread's mutex ABANDONED before it frees it. Both fields are
        // written only by an owner (or the watch in a dead owner's place), and the CAS that made us the owner
        // ordered their last writes before these reads.
        boolean flagged = Words.getIntOpaque(block, ABANDONED_OFFSET) != 0;
        if (flagged) {
            Words.setIntRelease(block, ABANDONED_OFFSET, 0);
        }
        return ownerDied || flagged ? ACQUIRED_ABANDONED : ACQUIRED;
    }

    /** Releases one hold of the calling thread; throws {@code IllegalMonitorStateException} if it holds none. */
    public void release() {
        Owners.ThreadRecord me = Owners.current();
        if (Words.getLongVolatile(block, OWNER_OFFSET) != me.word) {
            throw new IllegalMonitorStateException("the current thread does not hold this mutex");
        }
        int extra = Words.getIntOpaque(block, RECURSION_OFFSET);
        if (extra > 0) {
            Words.setIntRelease(block, RECURSION_OFFSET, extra - 1);
            return;
        }
        me.held--;
        free();
    }

    /** Frees the lock: a volatile store (a full fence), so that the read of SIGNAL cannot pass it. */
    private void free() {
        Words.setLongVolatile(block, OWNER_OFFSET, 0L);
        waits.wakeIfSignalled(1);
    }

    /** The calling thread's owner word (see {@link Owners}): who holds a lock, for locks built beside this one. */
    public static long currentOwnerWord() {
        return Owners.current().word;
    }

    /** Whether the process of the owner word {@code owner} is gone (see {@link Owners#processGone}). */
    public static boolean ownerGone(long owner) {
        return Owners.processGone(owner);
    }

    /** Whether the calling thread holds this mutex. */
    public boolean heldByCurrentThread() {
        return Words.getLongVolatile(block, OWNER_OFFSET) == Owners.current().word;
    }

    /** The calling thread's hold count (0 when it does not hold the mutex). */
    public int holdCount() {
        return heldByCurrentThread() ? Words.getIntOpaque(block, RECURSION_OFFSET) + 1 : 0;
    }

    /** Whether a thread of this process holds the mutex. */
    boolean heldLocally() {
        long owner = Words.getLongVolatile(block, OWNER_OFFSET);
        return owner != 0 && Owners.isLocal(owner);
    }

    /** Called by the watch for an ended thread of this process: frees its hold, flagged as abandoned. */
    void abandon(long deadOwner) {
        if (Words.getLongVolatile(block, OWNER_OFFSET) != deadOwner) {
            return;
        }
        // Only the (dead) owner could write these; the watch acts in its place.
        Words.setIntRelease(block, RECURSION_OFFSET, 0);
        Words.setIntRelease(block, ABANDONED_OFFSET, 1);
        free();
    }

    /**
     * The handle is closing: wakes every sleeper on the word (in any process: the others just look again), so
     * that the threads waiting through this handle leave, and the memory can be unmapped.
     */
    public void close() {
        waits.close();
    }
}
