/**
 * The implementation of {@link io.mmf4j.heap.Heap} (never exported): {@code HeapImpl} and its parts — size-class
 * spans in per-thread stripes for small blocks, a best-fit page heap with coalescing over mmf4j's own
 * {@link io.mmf4j.vm.Region}s for larger ones, large blocks in regions of their own, and the block header canary
 * ({@code BlockHeaderDescriptor}). All bookkeeping lives on the Java heap; memory is never trusted.
 */
package io.mmf4j.internal.heap;
