package io.mmf4j.heap;

/** What a {@link HeapEntry} of a heap walk describes (the flags of Win32's PROCESS_HEAP_ENTRY). */
public enum HeapEntryKind {
    /** A region of the heap: its base address and reserved size (PROCESS_HEAP_REGION). */
    REGION,
    /** A live block: its data address and {@code sizeOf} (PROCESS_HEAP_ENTRY_BUSY). */
    BUSY,
    /** A free, committed block. */
    FREE,
    /** A reserved range with no committed pages (PROCESS_HEAP_UNCOMMITTED_RANGE). */
    UNCOMMITTED,
    /** A live block with a region of its own, given back whole when freed. */
    LARGE_BLOCK
}
