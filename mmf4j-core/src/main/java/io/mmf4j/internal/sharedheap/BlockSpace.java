package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import java.lang.foreign.MemorySegment;

/**
 * The blocks of one shared heap: segregated free lists over a bump area, carved, split and freed with the
 * ordered single-word commits of the crash protocol. Every call but {@link #open} needs the heap mutex held by
 * the caller. Offsets read from the heap are checked before use; an impossible one throws
 * {@link HeapCorruptedException}, never touches memory outside the mapping.
 *
 * <p>Not thread-safe by itself (the heap mutex serialises callers). Lives as long as its mapping.
 */
final class BlockSpace {
    final MemorySegment heap;
    final String subject;
    /** Trusted copies of the fixed header fields, checked once at open. */
    final long size;
    final long dataStart;
    final long bitmapOffset;
    final long bitmapBytes;
    final long bucketsOffset;
    final int buckets;

    private BlockSpace(MemorySegment heap, String subject, long dataStart, long bitmapOffset, long bitmapBytes,
                       long bucketsOffset, int buckets) {
        this.heap = heap;
        this.subject = subject;
        this.size = heap.byteSize();
        this.dataStart = dataStart;
        this.bitmapOffset = bitmapOffset;
        this.bitmapBytes = bitmapBytes;
        this.bucketsOffset = bucketsOffset;
        this.buckets = buckets;
    }

    /** Lays out an empty heap of {@code heap.byteSize()} bytes (all zero) and sets MAGIC last. */
    static void format(MemorySegment heap, long capacity) {
        long size = heap.byteSize();
        int buckets = (int) Long.highestOneBit(Math.max(64, Math.min(65536, size >>> 12)));
        long bucketsOffset = HEADER_SIZE;
        long bitmapOffset = bucketsOffset + 8L * buckets;
        long bitmapBytes = ((size >>> 4) + 63) / 64 * 8;
        long dataStart = align(bitmapOffset + bitmapBytes, 64);
        if (dataStart + MIN_BLOCK > size) {
            throw new IllegalArgumentException("capacity " + capacity + " is too small for a shared heap: it needs at least "
                    + (dataStart + MIN_BLOCK) + " bytes");
        }
        Cells.putInt(heap, VERSION_OFFSET, VERSION);
        Cells.putInt(heap, BUCKETS_OFFSET, buckets);
        Cells.put(heap, CAPACITY_OFFSET, capacity);
        Cells.put(heap, SIZE_OFFSET, size);
        Cells.put(heap, DATA_START_OFFSET, dataStart);
        Cells.put(heap, TOP_OFFSET, dataStart);
        Cells.put(heap, BITMAP_OFF_OFFSET, bitmapOffset);
        Cells.put(heap, BITMAP_BYTES_OFFSET, bitmapBytes);
        Cells.put(heap, BUCKETS_OFF_OFFSET, bucketsOffset);
        Cells.put(heap, MAGIC_OFFSET, MAGIC);
    }

    /** Checks the fixed header fields of a mapped heap; {@link HeapCorruptedException} if they are not a heap's. */
    static BlockSpace open(MemorySegment heap, String subject) {
        long size = heap.byteSize();
        if (size < HEADER_SIZE || Cells.getAcquire(heap, MAGIC_OFFSET) != MAGIC) {
            throw new HeapCorruptedException(subject + " is not an mmf4j shared heap (bad magic)");
        }
        int buckets = Cells.getInt(heap, BUCKETS_OFFSET);
        long bucketsOffset = Cells.get(heap, BUCKETS_OFF_OFFSET);
        long bitmapOffset = Cells.get(heap, BITMAP_OFF_OFFSET);
        long bitmapBytes = Cells.get(heap, BITMAP_BYTES_OFFSET);
        long dataStart = Cells.get(heap, DATA_START_OFFSET);
        boolean sane = Cells.getInt(heap, VERSION_OFFSET) == VERSION && Cells.get(heap, SIZE_OFFSET) == size
                && buckets >= 64 && buckets <= 65536 && Integer.bitCount(buckets) == 1
                && bucketsOffset == HEADER_SIZE && bitmapOffset == bucketsOffset + 8L * buckets
                && bitmapBytes == ((size >>> 4) + 63) / 64 * 8 && dataStart == align(bitmapOffset + bitmapBytes, 64)
                && dataStart + MIN_BLOCK <= size;
        if (!sane) {
            throw new HeapCorruptedException(subject + ": corrupt shared-heap header (version, size or layout)");
        }
        return new BlockSpace(heap, subject, dataStart, bitmapOffset, bitmapBytes, bucketsOffset, buckets);
    }

    static long align(long value, long to) {
        return (value + to - 1) & -to;
    }

    HeapCorruptedException corrupt(String what, long offset) {
        return new HeapCorruptedException(subject + " is corrupt: " + what + " at offset " + offset);
    }

    /** TOP, checked. */
    long top() {
        long top = Cells.get(heap, TOP_OFFSET);
        if (top < dataStart || top > size || (top & 15) != 0) {
            throw corrupt("TOP " + top, TOP_OFFSET);
        }
        return top;
    }

    /** The checked WORD of the block at {@code b} below {@code top}. */
    long word(long b, long top) {
        if (b < dataStart || b > top - MIN_BLOCK || (b & 15) != 0) {
            throw corrupt("block offset " + b, b);
        }
        long word = Cells.get(heap, b);
        long blockSize = word & SIZE_MASK;
        int state = (int) (word & STATE_MASK);
        if ((word & TAG_MASK) != TAG || blockSize < MIN_BLOCK || blockSize > top - b
                || (state != FREE && state != BUSY && state != ENTRY && state != BUSY_NAMED)) {
            throw corrupt("block word 0x" + Long.toHexString(word), b);
        }
        return word;
    }

    static long word(long blockSize, int state) {
        return TAG | blockSize | state;
    }

    /** The block size a request of {@code bytes} needs. */
    static long blockSizeFor(long bytes) {
        return Math.max(MIN_BLOCK, align(bytes, 16) + BLOCK_HEADER);
    }

    /**
     * Takes a block of at least {@code need} bytes and marks it {@code state} with {@code request} in REQUEST.
     * The block's offset is stored at {@code intentSlot} before any block changes. Returns 0 when nothing fits.
     */
    long take(long need, int state, long request, long intentSlot) {
        int c = ceilClass(need);
        long b = pop(c, need, intentSlot);
        if (b != 0) {
            return commit(b, need, state, request);
        }
        long top = top();
        if (need <= size - top) {
            Cells.put(heap, intentSlot, top);
            Cells.put(heap, top + REQUEST_OFFSET, request);
            Cells.put(heap, top, word(need, state));
            Cells.put(heap, TOP_OFFSET, top + need);
            return top;
        }
        for (int larger = c + 1; larger < CLASSES; larger++) {
            b = pop(larger, need, intentSlot);
            if (b != 0) {
                return commit(b, need, state, request);
            }
        }
        return 0;
    }

    /** Pops the first block of class {@code c}'s list (0 if empty); a list that lies is rebuilt and tried again. */
    private long pop(int c, long need, long intentSlot) {
        long headOffset = FREE_HEADS_OFFSET + 8L * c;
        long b = Cells.get(heap, headOffset);
        if (b == 0) {
            return 0;
        }
        long top = top();
        long word = word(b, top);
        if ((word & STATE_MASK) != FREE || (word & SIZE_MASK) < need) {
            throw corrupt("free list " + c + " holds a block that is not free or too small", b);
        }
        long next = Cells.get(heap, b + NEXT_FREE_OFFSET);
        Cells.put(heap, intentSlot, b);
        Cells.put(heap, headOffset, next);
        return b;
    }

    /** Marks the popped free block {@code b} busy, splitting off a free rest when it is worth a block. */
    private long commit(long b, long need, int state, long request) {
        long blockSize = Cells.get(heap, b) & SIZE_MASK;
        long rest = blockSize - need;
        Cells.put(heap, b + REQUEST_OFFSET, request);
        if (rest >= MIN_BLOCK) {
            long r = b + need;
            Cells.put(heap, r, word(rest, FREE));
            Cells.put(heap, b, word(need, state));
            push(r, rest);
        } else {
            Cells.put(heap, b, word(blockSize, state));
        }
        return b;
    }

    /** Marks {@code b} free and puts it on its list. */
    void release(long b, long blockSize) {
        Cells.put(heap, b, word(blockSize, FREE));
        push(b, blockSize);
    }

    private void push(long b, long blockSize) {
        long headOffset = FREE_HEADS_OFFSET + 8L * floorClass(blockSize);
        Cells.put(heap, b + NEXT_FREE_OFFSET, Cells.get(heap, headOffset));
        Cells.put(heap, headOffset, b);
    }

    boolean bit(long b) {
        long index = b >>> 4;
        long cell = bitmapOffset + (index >>> 6) * 8;
        return (Cells.get(heap, cell) & (1L << (index & 63))) != 0;
    }

    void setBit(long b, boolean on) {
        long index = b >>> 4;
        long cell = bitmapOffset + (index >>> 6) * 8;
        long value = Cells.get(heap, cell);
        long mask = 1L << (index & 63);
        Cells.put(heap, cell, on ? value | mask : value & ~mask);
    }

    void addCounters(long bytes, long blocks) {
        Cells.put(heap, ALLOCATED_OFFSET, Cells.get(heap, ALLOCATED_OFFSET) + bytes);
        Cells.put(heap, BUSY_COUNT_OFFSET, Cells.get(heap, BUSY_COUNT_OFFSET) + blocks);
    }

    /**
     * The block of a user handle, checked as untrusted input: inside the heap, aligned, the start of a busy user
     * block (its bitmap bit) with a sound word. Returns the block offset, or -1 if it is not a live block.
     */
    long blockOf(long handle) {
        long b = handle - BLOCK_HEADER;
        if (handle <= 0 || (handle & 15) != 0 || b < dataStart || b >= size || !bit(b)) {
            return -1;
        }
        long top = top();
        if (b > top - MIN_BLOCK) {
            return -1;
        }
        long word = word(b, top);
        int state = (int) (word & STATE_MASK);
        return state == BUSY || state == BUSY_NAMED ? b : -1;
    }

    /** The requested size of a busy block (checked against its block size). */
    long request(long b) {
        long request = Cells.get(heap, b + REQUEST_OFFSET) & REQUEST_MASK;
        if (request > (Cells.get(heap, b) & SIZE_MASK) - BLOCK_HEADER) {
            throw corrupt("requested size " + request, b + REQUEST_OFFSET);
        }
        return request;
    }
}
