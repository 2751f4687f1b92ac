/**
 * The shared heap behind {@link io.mmf4j.heap.SharedHeap}: its layout
 * ({@link io.mmf4j.internal.sharedheap.SharedHeapDescriptor}), the block allocator, the name table, the crash
 * repair and the factories over named objects and files. Everything read from heap memory is untrusted.
 *
 * <p>Null policy: as in {@code io.mmf4j.heap}, no argument may be null.
 */
package io.mmf4j.internal.sharedheap;
