/**
 * Heap benchmarks (issue 12): alloc+free pairs of 16 B to 1 KiB, the random workload ({@link
 * io.mmf4j.bench.heap.RandomWorkload}, the same as {@code src/main/c/heap_peer.c}) and two threads against one, on
 * io.mmf4j.heap's {@code Heap} against glibc malloc from C and through FFM downcalls and against a confined arena per
 * block. {@link io.mmf4j.bench.heap.HeapGoals} registers the goals with the harness; {@link
 * io.mmf4j.bench.heap.HeapSitting} runs them at the full scale and measures fragmentation.
 */
package io.mmf4j.bench.heap;
