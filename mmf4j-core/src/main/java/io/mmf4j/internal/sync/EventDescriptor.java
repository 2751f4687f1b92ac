package io.mmf4j.internal.sync;

/**
 * The shared-memory layout of a named event: one cache line, native-endian, volatile or atomic accesses only.
 *
 * <pre>
 *  0               4                              8               12              16..64
 *  +---------------+------------------------------+---------------+---------------+------+
 *  | MAGIC (int)   | STATE (int), futex word      | SIGNAL (int)  | MANUAL (int)  | free |
 *  | "EVT2" once   | bit 0: set                   | 1 = a waiter  | 1 = manual    |      |
 *  | initialised   | bits 1..31: generation, +1   | may sleep     | reset, 0 =    |      |
 *  |               | at every set                 |               | auto reset    |      |
 *  +---------------+------------------------------+---------------+---------------+------+
 * </pre>
 *
 * <p>The generation lets a manual-reset waiter that wakes after a set and a quick reset still see that the
 * event was set while it slept. SIGNAL: see {@link FutexWaits}. Layout 2 ("EVT2"): layout 1 counted waiters
 * in its place.
 */
public final class EventDescriptor {
    public static final int MAGIC = 0x32545645; // "EVT2" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long STATE_OFFSET = 4;
    public static final long SIGNAL_OFFSET = 8;
    public static final long MANUAL_OFFSET = 12;
    public static final int SET_BIT = 1;
    public static final int GENERATION_STEP = 2;
    public static final long SIZE = 64;

    private EventDescriptor() {}
}
