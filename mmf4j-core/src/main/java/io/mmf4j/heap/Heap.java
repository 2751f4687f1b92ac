package io.mmf4j.heap;

import io.mmf4j.internal.heap.HeapImpl;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.util.List;

/**
 * A private heap of many small blocks over mmf4j's own virtual memory — Win32's HeapCreate family, as a
 * {@link SegmentAllocator}: everything the JDK allocates through an allocator can live in a heap and be freed one
 * block at a time.
 *
 * {@snippet :
 * try (Heap heap = Heap.create(0, 0)) {                          // a growable heap
 *     MemorySegment name = heap.allocateFrom("mmf4j");           // SegmentAllocator's methods work
 *     MemorySegment block = heap.allocate(100);                  // 100 bytes, aligned to 16
 *     block = heap.reallocate(block, 200);                       // contents kept, may move
 *     heap.free(block);                                          // one block back, the rest stays
 *     heap.free(name);
 * }                                                              // every remaining block's segment is invalid now
 * }
 *
 * <p><b>Blocks.</b> A block's segment is exactly the block's size. {@link #free}, {@link #reallocate},
 * {@link #sizeOf} take that segment and nothing else: {@code MemorySegment.NULL}, a foreign segment, a slice of a
 * block, an older segment of a reallocated block or a block already freed is an {@code IllegalArgumentException},
 * and the heap stays intact. A segment of a freed block stays usable until the heap closes (its memory is then
 * another block's or free; it never faults) — as with {@code free} in C, do not use it.
 *
 * <p><b>Thread safety.</b> A heap is safe for use by many threads, unless made with {@link HeapOption#NO_SERIALIZE}:
 * then it is confined to the thread that made it ({@code WrongThreadException} elsewhere). <b>Lifecycle.</b>
 * {@link #close()} (HeapDestroy) gives every page back; every block's segment throws {@code IllegalStateException}
 * afterwards, and so does every method but {@code close}, which is idempotent.
 */
public sealed interface Heap extends SegmentAllocator, AutoCloseable permits HeapImpl {

    /**
     * Creates a heap (HeapCreate).
     *
     * @param options {@code NO_SERIALIZE} for a heap confined to its creating thread, {@code ZERO_MEMORY} for zeroed
     *     blocks, or none
     * @param initialSize bytes committed at once, rounded up to pages (0: one page)
     * @param maximumSize a fixed heap's reservation, rounded up to pages: it never holds more; 0 for a growable heap,
     *                    which reserves address space as it needs it
     * @throws IllegalArgumentException for a negative size, or an initial size above a fixed maximum
     * @throws OutOfMemoryError         when the OS refuses the reservation or the initial commit
     * @return the new heap
     */
    static Heap create(long initialSize, long maximumSize, HeapOption... options) {
        return HeapImpl.create(initialSize, maximumSize, options);
    }

    /**
     * The process heap (GetProcessHeap): growable, serialised, lives as long as the JVM; its close is refused.
     *
     * @return the JVM's one process heap
     */
    static Heap processHeap() {
        return HeapImpl.processHeap();
    }

    /**
     * A block of {@code byteSize} bytes aligned to 16 (HeapAlloc).
     *
     * @throws OutOfMemoryError naming the heap, the request and the largest free block, when the heap is full
     */
    @Override
    default MemorySegment allocate(long byteSize) {
        return allocate(byteSize, 16);
    }

    /**
     * A block of {@code byteSize} bytes aligned to {@code byteAlignment} (HeapAlloc); 0 gives a zero-length block.
     *
     * @throws IllegalArgumentException for a negative size or an alignment that is not a power of two
     * @throws OutOfMemoryError         naming the heap, the request and the largest free block, when the heap is
     *                                  full or the request larger than a fixed heap can ever hold
     */
    @Override
    MemorySegment allocate(long byteSize, long byteAlignment);

    /**
     * A block of {@code byteSize} bytes aligned to 16, or {@code MemorySegment.NULL} where allocate would throw
     *     OutOfMemoryError.
     *
     * @param byteSize the block's size in bytes, &gt;= 0
     * @return the block, or {@code MemorySegment.NULL} when the heap is full
     */
    MemorySegment tryAllocate(long byteSize);

    /**
     * Frees a block (HeapFree); its segment must not be used after.
     *
     * @param block a segment {@link #allocate} or {@link #reallocate} returned
     * @throws IllegalArgumentException if {@code block} is not a live block of this heap
     */
    void free(MemorySegment block);

    /**
     * Resizes a block (HeapReAlloc): the contents up to the smaller size are kept; the block may move, and then the
     * old segment is freed. Use the returned segment only.
     *
     * @param block a live block of this heap
     * @param newSize the new size in bytes, &gt;= 0
     * @throws IllegalArgumentException if {@code block} is not a live block of this heap, or newSize is negative
     * @throws OutOfMemoryError         when it must move and the heap is full (the old block stays)
     * @return the resized block: {@code block}'s memory or a new block holding its contents
     */
    MemorySegment reallocate(MemorySegment block, long newSize);

    /**
     * Resizes a block without moving it (HEAP_REALLOC_IN_PLACE_ONLY): the new segment, or {@code MemorySegment.NULL}.
     *
     * @param block a live block of this heap
     * @param newSize the new size in bytes, &gt;= 0
     * @return the resized block at the same address, or {@code MemorySegment.NULL} when it cannot grow there (the block
     *     is unchanged)
     */
    MemorySegment reallocateInPlace(MemorySegment block, long newSize);

    /**
     * The segment of the live block whose data starts at {@code address}, exactly as {@link #allocate} returned
     * it — for linked structures that keep blocks' addresses in memory and free them from there.
     *
     * @param address the address of a live block's first byte
     * @throws IllegalArgumentException if no live block of this heap starts at {@code address}
     * @return the block's segment
     */
    MemorySegment blockAt(long address);

    /**
     * The size of a live block (HeapSize).
     *
     * @param block a live block of this heap
     * @return the block's size in bytes, as its segment gives it
     * @throws IllegalArgumentException if it is not a live block of this heap
     */
    long sizeOf(MemorySegment block);

    /**
     * Checks every block header and the heap's bookkeeping (HeapValidate); false on the first damage found.
     *
     * @return {@code true} when no damage was found
     */
    boolean validate();

    /**
     * Whether {@code block} is a live block of this heap with an intact header.
     *
     * @param block a segment to check
     * @return {@code true} when it is a live, intact block of this heap
     */
    boolean validate(MemorySegment block);

    /**
     * Every region, block and free or uncommitted range of the heap, in address order per region (HeapWalk).
     *
     * @return the heap's entries; a snapshot
     */
    List<HeapEntry> walk();

    /**
     * Gives free runs of 64 KiB and more back to the OS (HeapCompact) and returns the size of the largest free block
     * still committed. Given-back pages stay mapped and read as zero, so a stale segment over them never faults.
     *
     * @return the size of the largest free block still committed, in bytes
     */
    long compact();

    /**
     * The heap's bytes in use, committed and reserved (HeapSummary).
     *
     * @return a snapshot of the heap's sizes
     */
    HeapSummary summary();

    /**
     * The fixed heap's maximum size, rounded up to pages; 0 for a growable heap.
     *
     * @return the maximum size in bytes, or 0
     */
    long maximumSize();

    /**
     * Destroys the heap (HeapDestroy): every page goes back to the OS and every block's segment is invalid.
     *
     * @throws UnsupportedOperationException for the {@linkplain #processHeap() process heap}
     * @throws IllegalStateException         if a block is in use by a native call right now (the heap stays open)
     */
    @Override
    void close();
}
