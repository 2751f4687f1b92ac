package io.mmf4j.internal.sync;

/**
 * The shared-memory layout of a named mutex: one cache line, all fields native-endian, read and written with
 * volatile or atomic accesses only.
 *
 * <pre>
 *  0               4               8                              16              20              24       28..64
 *  +---------------+---------------+------------------------------+---------------+---------------+---------+------+
 *  | MAGIC (int)   | SIGNAL (int)  | OWNER (long)                 | RECURSION     | (unused)      |ABANDONED| free |
 *  | "MTX2" once   | futex word:   | 0 = free, else               | (int) holds   |               | (int) 1 |      |
 *  | initialised   | 1 = a waiter  | pid:32 | start:8 | thread:24 | beyond the    |               | = owner |      |
 *  |               | may sleep     | (see {@link Owners})         | first (owner) |               | died    |      |
 *  +---------------+---------------+------------------------------+---------------+---------------+---------+------+
 * </pre>
 *
 * <p>OWNER is the lock: acquiring is one compare-and-set from 0 to the caller's owner word. SIGNAL is the
 * futex word: a waiter sets it to 1 before it sleeps on it, and an unlock that finds it 1 swaps it to 0 and
 * wakes one sleeper (see {@link FutexWaits}). Layout 2 ("MTX2"): layout 1 had a wake sequence and a waiter
 * count instead, whose processes would not wake ours (the MAGIC keeps them apart).
 */
public final class MutexDescriptor {
    public static final int MAGIC = 0x3258544D; // "MTX2" little-endian
    public static final long MAGIC_OFFSET = 0;
    public static final long SIGNAL_OFFSET = 4;
    public static final long OWNER_OFFSET = 8;
    public static final long RECURSION_OFFSET = 16;
    public static final long ABANDONED_OFFSET = 24;
    /** Bytes a mutex needs: one cache line, so that two mutexes never share one. */
    public static final long SIZE = 64;

    private MutexDescriptor() {}
}
