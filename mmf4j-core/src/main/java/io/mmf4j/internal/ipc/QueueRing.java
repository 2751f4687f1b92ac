package io.mmf4j.internal.ipc;

import static io.mmf4j.internal.ipc.QueueDescriptor.CORRUPT_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.FREE;
import static io.mmf4j.internal.ipc.QueueDescriptor.FULL;
import static io.mmf4j.internal.ipc.QueueDescriptor.HEAD_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.LOST_RECEIVES_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.LOST_SENDS_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.READING;
import static io.mmf4j.internal.ipc.QueueDescriptor.RING_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.SLOT_DATA_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.SLOT_LENGTH_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.TAIL_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.WRITING;
import static io.mmf4j.internal.ipc.QueueDescriptor.lap;
import static io.mmf4j.internal.ipc.QueueDescriptor.owner;
import static io.mmf4j.internal.ipc.QueueDescriptor.state;
import static io.mmf4j.internal.ipc.QueueDescriptor.word;

import io.mmf4j.internal.platform.Platform;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * The lock-free ring of a message queue over a {@link QueueDescriptor} block: a bounded MPMC ring of fixed-size
 * slots in the manner of Vyukov's, where the claim of a slot is one CAS of its WORD that also records the
 * claimant's process, so a claim is never anonymous.
 *
 * <ul>
 * <li>Send: from the TAIL hint, find the first position whose slot is FREE for the position's lap; CAS it to
 *     WRITING(me); write LENGTH and DATA; publish FULL with a volatile store (a full fence, so the read of
 *     CONSUMER_SIGNAL that follows cannot pass it).</li>
 * <li>Receive: from the HEAD hint, find the first position whose slot is FULL for its lap; CAS it to
 *     READING(me); copy (or hand to the handler); free it for the next lap with a volatile store; read
 *     PRODUCER_SIGNAL.</li>
 * <li>HEAD and TAIL are only hints (plain release stores by whoever claimed): the slot words are the truth, and
 *     a stale hint costs a few probes, never a wrong answer. A position is passed only once its slot shows it
 *     claimed, so a consumer never skips a message and each claimant's positions only grow: one producer's
 *     messages reach each consumer in the order sent.</li>
 * <li>Death: a slot held WRITING or READING by a process that is gone (pid not running, or its start stamp
 *     differs) for {@link #STUCK_NANOS} is set FREE for the next lap by whoever waits on it, and counted in
 *     LOST_SENDS or LOST_RECEIVES. A message half-written is never FULL, so no one reads it; a message being
 *     received by a consumer that dies is lost (never delivered twice).</li>
 * </ul>
 *
 * <p>Every value read from the block is untrusted: a LENGTH outside {@code [0, maxMessageSize]} drops the
 * message (counted in CORRUPT) and the ring goes on; configuration is read once, validated, by the opener.
 * Thread-safe; the block must stay mapped while any call runs (the handle uses an automatic arena).
 */
final class QueueRing {
    static final VarHandle INT = ValueLayout.JAVA_INT.varHandle().withInvokeExactBehavior();
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle().withInvokeExactBehavior();
    /** How long a slot must stay held by the same claimant before a waiter asks whether it still lives. */
    static final long STUCK_NANOS = 50_000_000L;
    /** {@link #claimSend} / {@link #claimReceive}: no position could be claimed. */
    static final long NONE = -1;
    private static final Platform PLATFORM = Platform.current();
    private static final int ME = QueueDescriptor.ownerOf(PLATFORM.processes().processId(),
            PLATFORM.processes().processStartStamp(PLATFORM.processes().processId()));

    final MemorySegment block;
    final int slots;
    final int maxMessageSize;
    private final long slotSize;
    private final boolean powerOfTwo;
    private final int shift;
    private final long mask;
    /** The slot word last seen holding a waiter up, and since when: the dead-claimant check runs only on those. */
    private volatile long stuckWord = -1;
    private volatile long stuckSince;
    /**
     * Whether this handle's last send found room (last receive found a message): then the next claim tries one
     * CAS of the word it expects before it reads the slot. Only a hint, so plain fields: a spinning caller on a
     * full (empty) queue reads first, and never takes the slot's cache line from the other side in vain.
     */
    private boolean sendStreak;
    private boolean receiveStreak;

    QueueRing(MemorySegment block, int slots, int maxMessageSize) {
        this.block = block;
        this.slots = slots;
        this.maxMessageSize = maxMessageSize;
        this.slotSize = QueueDescriptor.slotSize(maxMessageSize);
        this.powerOfTwo = Integer.bitCount(slots) == 1;
        this.shift = Integer.numberOfTrailingZeros(slots);
        this.mask = slots - 1L;
    }

    private int lapOf(long pos) {
        return (int) (powerOfTwo ? pos >>> shift : pos / slots);
    }

    long slotOf(long pos) {
        return RING_OFFSET + (powerOfTwo ? pos & mask : pos % slots) * slotSize;
    }

    long wordAt(long slot) {
        return (long) LONG.getVolatile(block, slot);
    }

    /** Claims a position for a message: returns it (its slot now WRITING by this process), or {@link #NONE}. */
    long claimSend() {
        long pos = (long) LONG.getAcquire(block, TAIL_OFFSET);
        if (sendStreak) { // the last send found room: claim with no read first, saving a cache-line transfer
            int lap = lapOf(pos);
            if ((boolean) LONG.compareAndSet(block, slotOf(pos), word(lap, FREE, 0), word(lap, WRITING, ME))) {
                advance(TAIL_OFFSET, pos + 1);
                return pos;
            }
        }
        long claimed = claimSendLooking(pos);
        sendStreak = claimed >= 0;
        return claimed;
    }

    private long claimSendLooking(long pos) {
        while (true) {
            int lap = lapOf(pos);
            long slot = slotOf(pos);
            long w = wordAt(slot);
            int diff = lap(w) - lap;
            if (diff == 0 && state(w) == FREE) {
                if ((boolean) LONG.compareAndSet(block, slot, w, word(lap, WRITING, ME))) {
                    advance(TAIL_OFFSET, pos + 1);
                    return pos;
                }
            } else if (diff >= 0) {
                pos = past(TAIL_OFFSET, pos, diff); // taken for this lap, or long since: look further on
            } else {
                long tail = (long) LONG.getAcquire(block, TAIL_OFFSET);
                if (tail > pos) {
                    pos = tail;
                } else if (state(w) == FULL || !reclaimIfDead(slot, w, lap)) {
                    return NONE; // full: the slot still holds a message (or a live claimant) of an earlier lap
                }
            }
        }
    }

    /** Claims the oldest message: returns its position (its slot now READING by this process), or {@link #NONE}. */
    long claimReceive() {
        long pos = (long) LONG.getAcquire(block, HEAD_OFFSET);
        if (receiveStreak) { // the last receive found a message: claim the next one with no read first
            int lap = lapOf(pos);
            if ((boolean) LONG.compareAndSet(block, slotOf(pos), word(lap, FULL, 0), word(lap, READING, ME))) {
                advance(HEAD_OFFSET, pos + 1);
                return pos;
            }
        }
        long claimed = claimReceiveLooking(pos);
        receiveStreak = claimed >= 0;
        return claimed;
    }

    private long claimReceiveLooking(long pos) {
        while (true) {
            int lap = lapOf(pos);
            long slot = slotOf(pos);
            long w = wordAt(slot);
            int diff = lap(w) - lap;
            int state = state(w);
            if (diff == 0 && state == FULL) {
                if ((boolean) LONG.compareAndSet(block, slot, w, word(lap, READING, ME))) {
                    advance(HEAD_OFFSET, pos + 1);
                    return pos;
                }
            } else if (diff > 0 || (diff == 0 && state == READING)) {
                pos = past(HEAD_OFFSET, pos, diff);
            } else if (diff == 0 && state == WRITING) {
                if (!reclaimIfDead(slot, w, lap + 1)) {
                    return NONE; // a live producer is writing the next message
                }
            } else {
                long head = (long) LONG.getAcquire(block, HEAD_OFFSET);
                if (head <= pos) {
                    return NONE; // empty: nobody claimed this position yet
                }
                pos = head;
            }
        }
    }

    /** Publishes the message of a claimed position. */
    void publish(long pos) {
        LONG.setVolatile(block, slotOf(pos), word(lapOf(pos), FULL, 0));
    }

    /** Frees a claimed position's slot for the next lap (a message received, or a send that failed half-way). */
    void free(long pos) {
        LONG.setVolatile(block, slotOf(pos), word(lapOf(pos) + 1, FREE, 0));
    }

    /** The LENGTH of a claimed message, or -1 (counted as corrupt) when it is outside {@code [0, max]}. */
    int length(long slot) {
        int length = (int) INT.get(block, slot + SLOT_LENGTH_OFFSET);
        if (length < 0 || length > maxMessageSize) {
            long unused = (long) LONG.getAndAdd(block, CORRUPT_OFFSET, 1L);
            return -1;
        }
        return length;
    }

    void setLength(long slot, int length) {
        INT.set(block, slot + SLOT_LENGTH_OFFSET, length);
    }

    static long dataOf(long slot) {
        return slot + SLOT_DATA_OFFSET;
    }

    /** Messages waiting now, from the hints: a snapshot in {@code [0, slots]}. */
    int size() {
        long size = (long) LONG.getAcquire(block, TAIL_OFFSET) - (long) LONG.getAcquire(block, HEAD_OFFSET);
        return (int) Math.max(0, Math.min(slots, size));
    }

    long lostMessages() {
        return (long) LONG.getVolatile(block, LOST_SENDS_OFFSET) + (long) LONG.getVolatile(block, LOST_RECEIVES_OFFSET)
                + (long) LONG.getVolatile(block, CORRUPT_OFFSET);
    }

    /** Raises a hint to {@code target} unless it is already past it (a racy store: hints may lag, never matter). */
    private void advance(long offset, long target) {
        if ((long) LONG.getAcquire(block, offset) < target) {
            LONG.setRelease(block, offset, target);
        }
    }

    /**
     * The next position to look at after {@code pos}, whose slot is {@code diff >= 0} laps ahead of it: the slot
     * passed position {@code pos + (diff - 1) * slots} already, and claimed positions are contiguous, so the look
     * may start past that (one lap ahead is the usual case; more only with a damaged block or a far stale hint).
     */
    private long past(long offset, long pos, int diff) {
        long hint = (long) LONG.getAcquire(block, offset);
        long next = diff > 1 ? pos + (diff - 1L) * slots + 1 : pos + 1;
        return Math.max(hint, next);
    }

    /**
     * A slot that holds a waiter up: if its claimant's process has been gone for {@link #STUCK_NANOS}, frees the
     * slot for lap {@code freeLap} (counted) and returns {@code true}; the caller looks at the slot again.
     */
    private boolean reclaimIfDead(long slot, long w, int freeLap) {
        int state = state(w);
        if (state == WRITING || state == READING) {
            long now = System.nanoTime();
            if (w != stuckWord) {
                stuckWord = w;
                stuckSince = now;
                return false;
            }
            if (now - stuckSince < STUCK_NANOS) {
                return false;
            }
            stuckSince = now;
            if (!gone(owner(w))) {
                return false;
            }
        }
        // FREE of an earlier lap under a later hint only comes from a damaged block: pass it on as well
        if (!(boolean) LONG.compareAndSet(block, slot, w, word(freeLap, FREE, 0))) {
            return true; // changed meanwhile: look again
        }
        if (state == WRITING) {
            long unused = (long) LONG.getAndAdd(block, LOST_SENDS_OFFSET, 1L);
        } else if (state == READING) {
            long unused = (long) LONG.getAndAdd(block, LOST_RECEIVES_OFFSET, 1L);
        }
        return true;
    }

    /** Whether the process of a claimant is gone; a claimant of this process is judged by its own finally. */
    private static boolean gone(int owner) {
        if (owner == ME) {
            return false;
        }
        long stamp = PLATFORM.processes().processStartStamp(QueueDescriptor.ownerPid(owner));
        return stamp < 0 || (stamp & 0xFF) != QueueDescriptor.ownerStart(owner);
    }
}
