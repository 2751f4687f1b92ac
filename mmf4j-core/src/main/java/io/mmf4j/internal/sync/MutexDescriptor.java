package io.mmf4j.internal.sync;

/**
 * The shared-memory layout of a named mutex: one cache line, all fields native-endian, read and written with
 * volatile or atomic accesses only.
 *
 * <pre>
 *  0               4               8                              16              20              24       28..64
 *  +---------------+---------------+------------------------------+---------------+---------------+---------+------+
 *  | MAGIC (int)   | WAKE_SEQ (int)| OWNER (long)                 | RECURSION     | WAITERS (int) |ABANDONED| free |
 *  | "MTX1" once   | futex word:   | 0 = free, else               | (int) holds   | threads in    | (int) 1 |      |
 *  | initialised   | bumped by     | pid:32 | start:8 | thread:24 | beyond the    | the slow path | = owner |      |
 *  |               | each unlock   | (see {@link Owners})         | first (owner) | (atomic)      | died    |      |
 *  +---------------+---------------+------------------------------+---------------+---------------+---------+------+
 * </pre>
 *
 * <p>OWNER is the lock: acquiring is one compare-and-set from 0 to the caller's owner word. WAKE_SEQ is a
 * separate word so that sleepers can wait for "an unlock happened" without racing the owner CAS.
 */
public final class MutexDescriptor {
    public static final int MAGIC = 0x3158544D; // "MTX1" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long WAKE_SEQ_OFFSET = 4;
    public static final long OWNER_OFFSET = 8;
    public static final long RECURSION_OFFSET = 16;
    public static final long WAITERS_OFFSET = 20;
    public static final long ABANDONED_OFFSET = 24;
    /** Bytes a mutex needs: one cache line, so that two mutexes never share one. */
    public static final long SIZE = 64;

    private MutexDescriptor() {}
}
