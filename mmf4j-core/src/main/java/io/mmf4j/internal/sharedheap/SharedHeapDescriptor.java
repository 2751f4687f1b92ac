package io.mmf4j.internal.sharedheap;

/**
 * The layout of a shared heap: the payload of a named object of kind {@code SHARED_HEAP}, or the whole of a
 * persistent heap's file. All fields are native-endian longs and ints at aligned offsets; fields after the
 * header are written only by the holder of the heap mutex, with release stores in the order the crash protocol
 * (README, section "shared heaps") needs.
 *
 * <pre>
 * HEADER (one page)
 *  0        8        12       16         24         32           40        48          56          64
 *  +--------+--------+--------+----------+----------+------------+---------+-----------+-----------+
 *  | MAGIC  |VERSION |BUCKETS | CAPACITY | SIZE     | DATA_START | TOP     | ALLOCATED | BUSY_COUNT|
 *  |"MMF4JSH1" set   | (pow2) | asked    | mapped   | first block| bump end| user bytes| user blks |
 *  +--------+--------+--------+----------+----------+------------+---------+-----------+-----------+
 * 64                                          128      132      136         144         152         160
 *  | MUTEX: a MutexDescriptor (64 bytes)      |INTENT_OP| pad   | INTENT_A  | INTENT_B  | NAME_COUNT|
 *  +------------------------------------------+--------+--------+-----------+-----------+-----------+
 * 160          168            176           184     192         200  256 .. 256 + 8 * CLASSES
 *  | BITMAP_OFF | BITMAP_BYTES | BUCKETS_OFF | FREES | LAST_SPIN | 0  | FREE_HEADS[class]: first free block of each class |
 *  +------------+--------------+-------------+-------+-----------+----+--------------------------------------------------+
 * BUCKETS_OFF: BUCKETS longs, the first name entry of each hash chain (0: none)
 * BITMAP_OFF:  one bit per 16 bytes of [0, SIZE): set at the start of each busy user block
 * DATA_START .. TOP: blocks, back to back; TOP .. SIZE: never used yet
 *
 * BLOCK (at a multiple of 16; the handle of a user block is its offset + 16)
 *  0                                          8                          16
 *  +------------------------------------------+--------------------------+------------------------+
 *  | WORD: TAG(16) | size incl. header (44)   | REQUEST: bucket(16) |    | data (size - 16 bytes) |
 *  |       | state(4): FREE, BUSY, ENTRY,     |   requested bytes (48)   | a free block: NEXT free|
 *  |       | BUSY + NAMED                     |                          | at data + 0            |
 *  +------------------------------------------+--------------------------+------------------------+
 *
 * NAME ENTRY (the data of an ENTRY block)
 *  0        8        16       24       28         32
 *  +--------+--------+--------+--------+----------+----------------------------------+
 *  | NEXT   | TARGET | OWNER  | HASH   | NAME_LEN | NAME: NAME_LEN UTF-16 code units |
 *  | chain  | handle | 0=ready, else the initialising thread's owner word           |
 *  +--------+--------+--------+--------+----------+----------------------------------+
 * </pre>
 *
 * <p>INTENT_OP with INTENT_A / INTENT_B is the undo record: set before an operation changes any block, cleared
 * after its last change. Blocks named there are free once a repair has run (the interrupted allocation is undone,
 * the interrupted free completed); an entry named there is unlinked. Free lists, counters, the bitmap and the
 * NAMED flags are derived from the blocks and entries, and rebuilt by every repair.
 */
public final class SharedHeapDescriptor {
    public static final long MAGIC = 0x3148534A46344D4DL; // "MMF4JSH1" read little-endian
    public static final int VERSION = 1;

    public static final long MAGIC_OFFSET = 0;
    public static final long VERSION_OFFSET = 8;
    public static final long BUCKETS_OFFSET = 12;
    public static final long CAPACITY_OFFSET = 16;
    public static final long SIZE_OFFSET = 24;
    public static final long DATA_START_OFFSET = 32;
    public static final long TOP_OFFSET = 40;
    public static final long ALLOCATED_OFFSET = 48;
    public static final long BUSY_COUNT_OFFSET = 56;
    public static final long MUTEX_OFFSET = 64;
    public static final long INTENT_OP_OFFSET = 128;
    public static final long INTENT_A_OFFSET = 136;
    public static final long INTENT_B_OFFSET = 144;
    public static final long NAME_COUNT_OFFSET = 152;
    public static final long BITMAP_OFF_OFFSET = 160;
    public static final long BITMAP_BYTES_OFFSET = 168;
    public static final long BUCKETS_OFF_OFFSET = 176;
    /** Frees since the last coalescing: a full heap coalesces only when there is something to merge. */
    public static final long FREES_OFFSET = 184;
    /** System.nanoTime (CLOCK_MONOTONIC, one clock for all processes) of the last spin of a waiter; 0: none. */
    public static final long LAST_SPIN_OFFSET = 192;
    public static final long FREE_HEADS_OFFSET = 256;
    public static final long HEADER_SIZE = 4096;

    /** INTENT_OP values. */
    public static final int OP_NONE = 0;
    public static final int OP_ALLOCATE = 1;
    public static final int OP_FREE = 2;
    public static final int OP_BIND = 3;
    public static final int OP_UNBIND = 4;
    public static final int OP_COALESCE = 5;

    /** Block WORD: tag in the top 16 bits, state in the low 4; the size is a multiple of 16 in between. */
    public static final long TAG = 0x5348L << 48; // "HS"
    public static final long TAG_MASK = 0xFFFFL << 48;
    public static final long STATE_MASK = 0xF;
    public static final long SIZE_MASK = ~(TAG_MASK | STATE_MASK);
    public static final int FREE = 1;
    public static final int BUSY = 2;
    public static final int ENTRY = 3;
    public static final int BUSY_NAMED = 10;
    public static final long BLOCK_HEADER = 16;
    public static final long MIN_BLOCK = 32;
    public static final long WORD_OFFSET = 0;
    public static final long REQUEST_OFFSET = 8;
    public static final long NEXT_FREE_OFFSET = 16;
    public static final long REQUEST_MASK = (1L << 48) - 1;

    /** Name entry fields, from the entry block's start. */
    public static final long ENTRY_NEXT_OFFSET = 16;
    public static final long ENTRY_TARGET_OFFSET = 24;
    public static final long ENTRY_OWNER_OFFSET = 32;
    public static final long ENTRY_HASH_OFFSET = 40;
    public static final long ENTRY_NAME_LENGTH_OFFSET = 44;
    public static final long ENTRY_NAME_OFFSET = 48;
    public static final int MAX_NAME_LENGTH = 1000;

    /** Size classes: 16-byte steps to 1 KiB, then 4 per power of two up to 2^47. */
    public static final int SMALL_CLASSES = 63;
    public static final int CLASSES = SMALL_CLASSES + 4 * 37;
    /** The largest capacity a heap may have: sizes must fit the 44 size bits of a block word. */
    public static final long MAX_CAPACITY = 1L << 46;

    private SharedHeapDescriptor() {}

    /** Block size (incl. header) of size class {@code c}. */
    public static long classSize(int c) {
        if (c < SMALL_CLASSES) {
            return (c + 2L) * 16;
        }
        int p = 10 + (c - SMALL_CLASSES) / 4;
        int j = (c - SMALL_CLASSES) % 4 + 1;
        return (1L << p) + ((long) j << (p - 2));
    }

    /** The smallest class whose size is at least {@code size} (a multiple of 16, at least MIN_BLOCK). */
    public static int ceilClass(long size) {
        if (size <= 1024) {
            return (int) (size >>> 4) - 2;
        }
        int p = 63 - Long.numberOfLeadingZeros(size - 1);
        long base = 1L << p;
        long step = base >>> 2;
        int j = (int) ((size - base + step - 1) / step);
        return SMALL_CLASSES + 4 * (p - 10) + j - 1;
    }

    /** The largest class whose size is at most {@code size}: the free list a free block of that size is on. */
    public static int floorClass(long size) {
        if (size <= 1024) {
            return (int) (size >>> 4) - 2;
        }
        int p = 63 - Long.numberOfLeadingZeros(size);
        long base = 1L << p;
        int j = (int) ((size - base) / (base >>> 2));
        return Math.min(CLASSES - 1, SMALL_CLASSES + 4 * (p - 10) + j - 1);
    }
}
