/**
 * Heaps in the Windows model — HeapCreate, HeapAlloc, HeapFree, HeapReAlloc, HeapSize, HeapValidate, HeapWalk,
 * HeapCompact and HeapDestroy — for many small blocks: a private {@code Heap} over mmf4j's own virtual memory,
 * usable as a {@link java.lang.foreign.SegmentAllocator}, and a {@code SharedHeap} inside a named map or a file,
 * whose blocks are named by position-independent handles.
 *
 * <h2>Null policy</h2>
 * Every method throws {@code NullPointerException} for a {@code null} argument. No method returns {@code null}:
 * an absent block is {@link java.lang.foreign.MemorySegment#NULL} or the handle 0, as each method says.
 */
package io.mmf4j.heap;
