package io.mmf4j.internal.ipc;

/**
 * The shared-memory layout of a message queue: the payload of its named object (page-aligned), native-endian,
 * every shared field read and written with volatile or atomic accesses. A zeroed ring is an empty queue (every
 * slot FREE for lap 0, HEAD = TAIL = 0), so the creator writes only the configuration and then MAGIC.
 *
 * <pre>
 *  0         4              8                12          16                24                 32           64
 *  +---------+--------------+----------------+-----------+-----------------+------------------+------------+
 *  | MAGIC   | MAX_MESSAGES | MAX_MESSAGE_   | SLOT_SIZE | LOST_SENDS      | LOST_RECEIVES    | CORRUPT    |
 *  | "MQ01"  | (ring slots) | SIZE (bytes)   |           | (long, counted) | (long, counted)  | (long) ... |
 *  +---------+--------------+----------------+-----------+-----------------+------------------+------------+
 *  64: TAIL (long)   — a hint: positions below it are claimed by producers      (producers' cache line)
 * 128: HEAD (long)   — a hint: positions below it are claimed by consumers      (consumers' cache line)
 * 192: NOT_EMPTY (int futex word) | CONSUMER_SIGNAL (int)  — consumers sleep here, producers wake them
 * 256: NOT_FULL  (int futex word) | PRODUCER_SIGNAL (int)  — producers sleep here, consumers wake them
 *      SIGNAL: 1 = "a waiter of this side may be asleep: the next counterpart wakes one" (FutexWaits' protocol)
 * 320: RING — MAX_MESSAGES slots of SLOT_SIZE bytes; position p lives in slot p % MAX_MESSAGES, lap p / MAX_MESSAGES
 *
 *  slot:  0                8          12         16
 *         +----------------+----------+----------+----------------------------------+
 *         | WORD (long)    | LENGTH   | reserved | DATA (MAX_MESSAGE_SIZE bytes)    |
 *         +----------------+----------+----------+----------------------------------+
 *
 *  WORD:  63            32 31   30 29                     8 7          0
 *         +---------------+-------+------------------------+------------+
 *         | LAP (32 bits) | STATE | OWNER PID (22 bits)    | START (8)  |
 *         +---------------+-------+------------------------+------------+
 *         STATE: FREE (0) -> WRITING (1, owner = producer) -> FULL (2) -> READING (3, owner = consumer)
 *                -> FREE of LAP + 1.  A dead owner's WRITING or READING slot is set FREE of LAP + 1 by anyone.
 * </pre>
 *
 * SLOT_SIZE is {@link #slotSize(int)} of MAX_MESSAGE_SIZE; an opener checks every configuration field against
 * the object's size before it trusts them. Stateless.
 */
public final class QueueDescriptor {
    public static final int MAGIC = 0x3130514D; // "MQ01" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long MAX_MESSAGES_OFFSET = 4;
    public static final long MAX_MESSAGE_SIZE_OFFSET = 8;
    public static final long SLOT_SIZE_OFFSET = 12;
    public static final long LOST_SENDS_OFFSET = 16;
    public static final long LOST_RECEIVES_OFFSET = 24;
    public static final long CORRUPT_OFFSET = 32;
    public static final long TAIL_OFFSET = 64;
    public static final long HEAD_OFFSET = 128;
    public static final long NOT_EMPTY_OFFSET = 192;
    public static final long CONSUMER_SIGNAL_OFFSET = 196;
    public static final long NOT_FULL_OFFSET = 256;
    public static final long PRODUCER_SIGNAL_OFFSET = 260;
    public static final long RING_OFFSET = 320;

    public static final long SLOT_WORD_OFFSET = 0;
    public static final long SLOT_LENGTH_OFFSET = 8;
    public static final long SLOT_DATA_OFFSET = 16;

    public static final int FREE = 0;
    public static final int WRITING = 1;
    public static final int FULL = 2;
    public static final int READING = 3;
    private static final int STATE_SHIFT = 30;
    private static final long OWNER_MASK = (1L << STATE_SHIFT) - 1;

    /** The largest queue: slots and bytes per message. */
    public static final int MAX_SLOTS = 1 << 30;
    public static final int MAX_SIZE = 1 << 30;

    private QueueDescriptor() {}

    /** The bytes of one slot: its 16-byte head and the message, rounded up to 8. */
    public static long slotSize(int maxMessageSize) {
        return (SLOT_DATA_OFFSET + maxMessageSize + 7) & ~7L;
    }

    /** The bytes of a whole queue's payload. */
    public static long payloadSize(int maxMessages, int maxMessageSize) {
        return RING_OFFSET + maxMessages * slotSize(maxMessageSize);
    }

    public static long word(int lap, int state, int owner) {
        return ((long) lap << 32) | ((long) state << STATE_SHIFT) | (owner & OWNER_MASK);
    }

    public static int lap(long word) {
        return (int) (word >>> 32);
    }

    public static int state(long word) {
        return (int) (word >>> STATE_SHIFT) & 3;
    }

    public static int owner(long word) {
        return (int) (word & OWNER_MASK);
    }

    /** The owner field of a process: its pid (22 bits, Linux's limit) and the low 8 bits of its start stamp. */
    public static int ownerOf(long pid, long startStamp) {
        return (int) (((pid & 0x3FFFFF) << 8) | (startStamp & 0xFF));
    }

    public static long ownerPid(int owner) {
        return owner >>> 8;
    }

    public static int ownerStart(int owner) {
        return owner & 0xFF;
    }
}
