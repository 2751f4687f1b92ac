/**
 * Benchmarks of persisted maps and their views against RandomAccessFile, FileChannel, MappedByteBuffer, Agrona's
 * UnsafeBuffer and OneToOneRingBuffer, raw MemorySegment code, and C doing the same syscalls ({@code view_cycle.c},
 * {@code pingpong.c}). Figures and their reading: BENCHMARKS.md, section views.
 */
package io.mmf4j.bench.views;
