package io.mmf4j.heap;

/** Options of {@code Heap.create(initialSize, maximumSize, options...)}, after Win32's HeapCreate flags. */
public enum HeapOption {
    /**
     * HEAP_NO_SERIALIZE: the heap takes no lock and is confined to the thread that created it; a call from any
     * other thread throws {@link WrongThreadException}, as a confined arena does. The fastest heap.
     */
    NO_SERIALIZE,
    /**
     * HEAP_ZERO_MEMORY for every allocation: every block reads zero when handed out, reused blocks too, and so
     * does the new tail of a block that {@code reallocate} grows.
     */
    ZERO_MEMORY
}
