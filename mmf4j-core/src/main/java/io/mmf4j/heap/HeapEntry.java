package io.mmf4j.heap;

import java.util.Objects;

/**
 * One entry of a heap walk, as Win32's PROCESS_HEAP_ENTRY.
 *
 * @param address     the entry's address: a region's base, a block's first data byte, or the start of a range
 *                    (for a shared heap, the offset in the heap, which is the block's handle for BUSY entries)
 * @param size        the entry's size in bytes: the reserved size of a region, {@code sizeOf} of a block, or the
 *                    length of a free or uncommitted range
 * @param overhead    the bytes of bookkeeping the heap keeps with the entry (headers, padding)
 * @param regionIndex the index of the region the entry lies in, counting from 0
 * @param kind        what the entry describes
 */
public record HeapEntry(long address, long size, int overhead, int regionIndex, HeapEntryKind kind) {
    /** Checks the fields: no negative size, overhead or index, and a kind. */
    public HeapEntry {
        Objects.requireNonNull(kind, "kind");
        if (size < 0 || overhead < 0 || regionIndex < 0) {
            throw new IllegalArgumentException("negative field in heap entry: size " + size + ", overhead "
                    + overhead + ", region " + regionIndex);
        }
    }
}
