package io.mmf4j.internal.sync;

/**
 * The shared-memory layout of a named semaphore: one cache line, native-endian, volatile or atomic accesses only.
 *
 * <pre>
 *  0               4               8               12              16..64
 *  +---------------+---------------+---------------+---------------+------+
 *  | MAGIC (int)   | COUNT (int)   | WAITERS (int) | MAXIMUM (int) | free |
 *  | "SEM1" once   | futex word:   | threads in    | set at        |      |
 *  | initialised   | free permits  | the slow path | creation      |      |
 *  +---------------+---------------+---------------+---------------+------+
 * </pre>
 */
public final class SemaphoreDescriptor {
    public static final int MAGIC = 0x314D4553; // "SEM1" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long COUNT_OFFSET = 4;
    public static final long WAITERS_OFFSET = 8;
    public static final long MAXIMUM_OFFSET = 12;
    public static final long SIZE = 64;

    private SemaphoreDescriptor() {}
}
