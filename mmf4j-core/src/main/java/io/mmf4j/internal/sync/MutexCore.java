package io.mmf4j.internal.sync;

import static io.mmf4j.internal.sync.MutexDescriptor.ABANDONED_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.OWNER_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.RECURSION_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.WAITERS_OFFSET;
import static io.mmf4j.internal.sync.MutexDescriptor.WAKE_SEQ_OFFSET;

import java.lang.foreign.MemorySegment;

/**
 * The mutex algorithm over a {@link MutexDescriptor} block of shared memory: a re-entrant, owner-death-aware
 * lock for Java threads of any number of processes.
 *
 * <ul>
 * <li>Uncontended: one CAS of OWNER from 0 to the caller's owner word; unlock is one volatile store of 0 and a
 *     read of WAITERS. RECURSION counts the holds beyond the first, so the first lock and last unlock never
 *     touch it.</li>
 * <li>Contended: the waiter spins a few microseconds ({@link Words#SPIN_NANOS}) in case the owner is about to
 *     unlock; then it counts itself in WAITERS, reads WAKE_SEQ, re-checks OWNER and sleeps in the kernel
 *     on WAKE_SEQ; unlock bumps WAKE_SEQ and wakes one sleeper when WAITERS is non-zero. Both sides go through
 *     sequentially consistent accesses, so either the unlocker sees the waiter or the waiter sees the lock free:
 *     no wake-up is lost.</li>
 * <li>Owner death: sleeps are bounded by {@link #CHECK_INTERVAL_NANOS}; a waiter whose sleep times out asks
 *     whether the owner's process is gone, and if so takes the lock with one CAS and reports it abandoned.
 *     Threads that end in a live process are handled by that process's watch ({@link Owners}).</li>
 * </ul>
 *
 * <p>Thread-safe. Holds no state of its own besides the segment; closing the segment's arena makes every
 * further call throw {@code IllegalStateException}.
 */
public final class MutexCore {
    /** How long a waiter sleeps before it checks whether the owner's process still lives. */
    static final long CHECK_INTERVAL_NANOS = 100_000_000L;
    private static final int MAX_EXTRA_HOLDS = Integer.MAX_VALUE - 1;

    /** {@link #acquire} results. */
    public static final int ACQUIRED = 0;
    public static final int ACQUIRED_ABANDONED = 1;
    public static final int TIMED_OUT = 2;

    private final MemorySegment block;
    /** The futex word, sliced once: sleeping and waking allocate nothing. */
    private final MemorySegment wakeSeq;
    /** Only its close and closed check: the mutex's own wait loop also watches for a dead owner. */
    private final FutexWaits waits;

    /** A core over {@code block}, which holds a {@link MutexDescriptor} layout (zeros: a free mutex). */
    public MutexCore(MemorySegment block) {
        this.block = block;
        this.waits = new FutexWaits(block, WAKE_SEQ_OFFSET, WAITERS_OFFSET);
        this.wakeSeq = waits.word();
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
        if (Words.casLong(block, OWNER_OFFSET, 0L, me.word)) {
            return acquired(me, false);
        }
        if (Words.getLong(block, OWNER_OFFSET) == me.word) {
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
        // The owner may be about to unlock: a short spin saves a sleep and a wake-up.
        if (Words.spinUntilZero(block, OWNER_OFFSET) && Words.casLong(block, OWNER_OFFSET, 0L, me.word)) {
            return acquired(me, false);
        }
        return acquireSlow(me, timeoutNanos, interruptible);
    }

    /**
     * One compare-and-set from free to the calling thread: {@link #ACQUIRED} (or {@link #ACQUIRED_ABANDONED}), or
     * {@link #TIMED_OUT} if anyone holds the lock — without the dead-owner check, so it is cheap enough to spin on.
     */
    public int tryAcquireFree() {
        Owners.ThreadRecord me = Owners.current();
        return Words.casLong(block, OWNER_OFFSET, 0L, me.word) ? acquired(me, false) : TIMED_OUT;
    }

    /** Whether nobody holds the lock now (a hint: it may be taken the next instant). */
    public boolean looksFree() {
        return Words.getLong(block, OWNER_OFFSET) == 0;
    }

    /** tryLock(): no wait, but a dead owner's lock is taken (as Win32's zero-timeout wait does). */
    private int slowCheckOnce(Owners.ThreadRecord me) {
        long owner = Words.getLong(block, OWNER_OFFSET);
        if (owner == 0) {
            return Words.casLong(block, OWNER_OFFSET, 0L, me.word) ? acquired(me, false) : TIMED_OUT;
        }
        if (Owners.processGone(owner) && Words.casLong(block, OWNER_OFFSET, owner, me.word)) {
            return acquired(me, true);
        }
        return TIMED_OUT;
    }

    private int acquireSlow(Owners.ThreadRecord me, long timeoutNanos, boolean interruptible)
            throws InterruptedException {
        long now = System.nanoTime();
        long deadline = timeoutNanos < 0 ? Long.MAX_VALUE : now + timeoutNanos;
        long nextOwnerCheck = now + CHECK_INTERVAL_NANOS;
        int result = TIMED_OUT;
        // An uninterruptible wait keeps an interrupt for later: cleared while waiting (a virtual thread would not
        // park while it is set), set again on the way out.
        boolean pendingInterrupt = false;
        Words.addInt(block, WAITERS_OFFSET, 1);
        try {
            while (true) {
                waits.checkOpen();
                int seq = Words.getInt(block, WAKE_SEQ_OFFSET);
                long owner = Words.getLong(block, OWNER_OFFSET);
                if (owner == 0) {
                    if (Words.casLong(block, OWNER_OFFSET, 0L, me.word)) {
                        return result = acquired(me, false);
                    }
                    continue;
                }
                now = System.nanoTime();
                long remaining = timeoutNanos < 0 ? Long.MAX_VALUE : deadline - now;
                if (now - nextOwnerCheck >= 0 || remaining <= 0) {
                    nextOwnerCheck = now + CHECK_INTERVAL_NANOS;
                    if (Owners.processGone(owner) && Words.casLong(block, OWNER_OFFSET, owner, me.word)) {
                        return result = acquired(me, true);
                    }
                    if (remaining <= 0) {
                        return TIMED_OUT;
                    }
                }
                if (Thread.interrupted()) {
                    if (interruptible) {
                        throw new InterruptedException();
                    }
                    pendingInterrupt = true;
                }
                Words.await(wakeSeq, seq, Math.min(remaining, Math.max(1, nextOwnerCheck - now)));
            }
        } finally {
            Words.addInt(block, WAITERS_OFFSET, -1);
            if (result == TIMED_OUT) {
                passOnWakeUp();
            }
            if (pendingInterrupt) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A waiter that leaves without the lock may have consumed the one wake-up an unlock sent: if the lock is free
     * and others still wait, wake one of them in its place.
     */
    private void passOnWakeUp() {
        if (Words.getLong(block, OWNER_OFFSET) == 0 && Words.getInt(block, WAITERS_OFFSET) > 0) {
            Words.addInt(block, WAKE_SEQ_OFFSET, 1);
            Words.wake(wakeSeq, 1);
        }
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
        if (Words.getLong(block, OWNER_OFFSET) != me.word) {
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

    /** Frees the lock: a volatile store (a full fence), so that the read of WAITERS cannot pass it. */
    private void free() {
        Words.setLong(block, OWNER_OFFSET, 0L);
        if (Words.getInt(block, WAITERS_OFFSET) > 0) {
            Words.addInt(block, WAKE_SEQ_OFFSET, 1);
            Words.wake(wakeSeq, 1);
        }
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
        return Words.getLong(block, OWNER_OFFSET) == Owners.current().word;
    }

    /** The calling thread's hold count (0 when it does not hold the mutex). */
    public int holdCount() {
        return heldByCurrentThread() ? Words.getIntOpaque(block, RECURSION_OFFSET) + 1 : 0;
    }

    /** Whether a thread of this process holds the mutex. */
    boolean heldLocally() {
        long owner = Words.getLong(block, OWNER_OFFSET);
        return owner != 0 && Owners.isLocal(owner);
    }

    /** Called by the watch for an ended thread of this process: frees its hold, flagged as abandoned. */
    void abandon(long deadOwner) {
        if (Words.getLong(block, OWNER_OFFSET) != deadOwner) {
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
