package io.mmf4j.internal.sync;

/**
 * The shared-memory layout of a named semaphore: one cache line, native-endian, volatile or atomic accesses only.
 *
 * <pre>
 *  0               4               8               12              16..64
 *  +---------------+---------------+---------------+---------------+------+
 *  | MAGIC (int)   | COUNT (int)   | SIGNAL (int)  | MAXIMUM (int) | free |
 *  | "SEM2" once   | futex word:   | 1 = a waiter  | set at        |      |
 *  | initialised   | free permits  | may sleep     | creation      |      |
 *  +---------------+---------------+---------------+---------------+------+
 * </pre>
 *
 * <p>SIGNAL: see {@link FutexWaits}. Layout 2 ("SEM2"): layout 1 counted waiters in its place.
 */
public final class SemaphoreDescriptor {
    public static final int MAGIC = 0x324D4553; // "SEM2" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long COUNT_OFFSET = 4;
    public static final long SIGNAL_OFFSET = 8;
    public static final long MAXIMUM_OFFSET = 12;
    public static final long SIZE = 64;

    private SemaphoreDescriptor() {}
}
