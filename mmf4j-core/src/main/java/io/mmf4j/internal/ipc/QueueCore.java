package io.mmf4j.internal.ipc;

import static io.mmf4j.internal.ipc.QueueDescriptor.CONSUMER_SIGNAL_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.NOT_EMPTY_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.NOT_FULL_OFFSET;
import static io.mmf4j.internal.ipc.QueueDescriptor.PRODUCER_SIGNAL_OFFSET;
import static io.mmf4j.internal.ipc.QueueRing.INT;

import io.mmf4j.internal.sync.FutexWaits;
import io.mmf4j.ipc.MessageHandler;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Sending, receiving and waiting over a {@link QueueRing}: the copy in and out of slots, and the sleep of a
 * sender on a full queue or a receiver on an empty one.
 *
 * <p>Waiting: a waiter first spins for {@link #SPIN_NANOS} re-trying, then sets the SIGNAL word of its side
 * and sleeps in the kernel on its side's futex word (through {@link FutexWaits}, the sync objects' sleep loop
 * and wake-up protocol: bounded sleeps so interrupts, closes and dead claimants are noticed within 100 ms;
 * virtual threads park instead of pinning their carrier). The counterpart bumps the word and wakes one sleeper
 * only when SIGNAL is set, so a queue nobody waits on makes no system call. Both sides publish with a volatile
 * store before they read the other side's SIGNAL, and a waiter signals before it looks, so no wake-up is lost.
 *
 * <p>Thread-safe. Lifecycle: {@link #close()} wakes every waiter of this handle, which then leaves with
 * {@code IllegalStateException}.
 */
final class QueueCore {
    /**
     * How long a waiting send or receive re-tries in user space before it sleeps (system property
     * {@code mmf4j.queue.spinNanos}, default 20 µs): a counterpart running on another core usually answers
     * sooner than a futex sleep and wake-up would.
     */
    static final long SPIN_NANOS = Long.getLong("mmf4j.queue.spinNanos", 20_000);

    final QueueRing ring;
    private final MemorySegment block;
    private final FutexWaits notEmpty;
    private final FutexWaits notFull;

    QueueCore(QueueRing ring) {
        this.ring = ring;
        this.block = ring.block;
        this.notEmpty = new FutexWaits(block, NOT_EMPTY_OFFSET, CONSUMER_SIGNAL_OFFSET);
        this.notFull = new FutexWaits(block, NOT_FULL_OFFSET, PRODUCER_SIGNAL_OFFSET);
    }

    /** Sends {@code length} bytes of {@code array} (when not null) or {@code segment}; {@code false} when full. */
    boolean offer(byte[] array, MemorySegment segment, int length) {
        long pos = ring.claimSend();
        if (pos < 0) {
            return false;
        }
        long slot = ring.slotOf(pos);
        boolean written = false;
        try {
            ring.setLength(slot, length);
            if (array != null) {
                MemorySegment.copy(array, 0, block, ValueLayout.JAVA_BYTE, QueueRing.dataOf(slot), length);
            } else {
                MemorySegment.copy(segment, 0, block, QueueRing.dataOf(slot), length);
            }
            written = true;
        } finally {
            if (!written) { // e.g. the caller's segment was closed under us: the position holds nothing
                ring.free(pos);
                wake(notFull, NOT_FULL_OFFSET, PRODUCER_SIGNAL_OFFSET);
            }
        }
        ring.publish(pos);
        wake(notEmpty, NOT_EMPTY_OFFSET, CONSUMER_SIGNAL_OFFSET);
        return true;
    }

    /** The oldest message as a new array, or {@code null} when there is none. */
    byte[] take() {
        while (true) {
            long pos = ring.claimReceive();
            if (pos < 0) {
                return null;
            }
            long slot = ring.slotOf(pos);
            byte[] message = null;
            try {
                int length = ring.length(slot);
                if (length >= 0) {
                    message = new byte[length];
                    MemorySegment.copy(block, ValueLayout.JAVA_BYTE, QueueRing.dataOf(slot), message, 0, length);
                }
            } finally {
                release(pos);
            }
            if (message != null) {
                return message;
            }
        }
    }

    /** Hands up to {@code limit} messages to {@code handler}, each as a read-only slice of its slot. */
    int poll(MessageHandler handler, int limit) {
        int handled = 0;
        while (handled < limit) {
            long pos = ring.claimReceive();
            if (pos < 0) {
                break;
            }
            long slot = ring.slotOf(pos);
            try {
                int length = ring.length(slot);
                if (length >= 0) {
                    handled++;
                    handler.onMessage(block.asSlice(QueueRing.dataOf(slot), length).asReadOnly());
                }
            } finally {
                release(pos);
            }
        }
        return handled;
    }

    private void release(long pos) {
        ring.free(pos);
        wake(notFull, NOT_FULL_OFFSET, PRODUCER_SIGNAL_OFFSET);
    }

    /** Sends, waiting at most {@code timeoutNanos} (negative: forever) while the queue is full. */
    boolean send(byte[] array, MemorySegment segment, int length, long timeoutNanos) throws InterruptedException {
        if (offer(array, segment, length)) {
            return true;
        }
        if (timeoutNanos == 0) {
            return false;
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < SPIN_NANOS) {
            notFull.checkOpen();
            Thread.onSpinWait();
            if (offer(array, segment, length)) {
                return true;
            }
        }
        boolean sent = false;
        try {
            sent = notFull.sleepUntil(remaining(timeoutNanos, start), true, () -> {
                int seen = (int) INT.getVolatile(block, NOT_FULL_OFFSET);
                return offer(array, segment, length) ? FutexWaits.PASSED : seen;
            }, null, () -> ring.size() < ring.slots);
            return sent;
        } finally {
            if (!sent && ring.size() < ring.slots) {
                wake(notFull, NOT_FULL_OFFSET, PRODUCER_SIGNAL_OFFSET); // we may have taken the wake-up meant for another
            }
        }
    }

    /** Receives, waiting at most {@code timeoutNanos} (negative: forever); {@code null} on timeout. */
    byte[] receive(long timeoutNanos) throws InterruptedException {
        byte[] message = take();
        if (message != null || timeoutNanos == 0) {
            return message;
        }
        long start = System.nanoTime();
        while (System.nanoTime() - start < SPIN_NANOS) {
            notEmpty.checkOpen();
            Thread.onSpinWait();
            if ((message = take()) != null) {
                return message;
            }
        }
        byte[][] got = new byte[1][];
        try {
            notEmpty.sleepUntil(remaining(timeoutNanos, start), true, () -> {
                int seen = (int) INT.getVolatile(block, NOT_EMPTY_OFFSET);
                got[0] = take();
                return got[0] != null ? FutexWaits.PASSED : seen;
            }, null, () -> ring.size() > 0);
            return got[0];
        } finally {
            if (got[0] == null && ring.size() > 0) {
                wake(notEmpty, NOT_EMPTY_OFFSET, CONSUMER_SIGNAL_OFFSET); // we may have taken the wake-up meant for another
            }
        }
    }

    private static long remaining(long timeoutNanos, long start) {
        return timeoutNanos < 0 ? -1 : Math.max(0, timeoutNanos - (System.nanoTime() - start));
    }

    /**
     * Wakes one sleeper of a side if one signalled that it may sleep: bumps the futex word first, so that a waiter
     * between its look and its sleep does not sleep on the value it saw.
     */
    private void wake(FutexWaits side, long wordOffset, long signalOffset) {
        if ((int) INT.getVolatile(block, signalOffset) != 0) {
            int unused = (int) INT.getAndAdd(block, wordOffset, 1);
            side.wakeIfSignalled(1);
        }
    }

    /** The handle is closing: ends the waits through it (they throw {@code IllegalStateException}). */
    void close() {
        notEmpty.close();
        notFull.close();
    }
}
