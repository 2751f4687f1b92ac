/**
 * Growth benchmarks (issue 15): appending 1 GiB of 256-byte records through a growing view against
 * {@code FileChannel.write} appends and a {@code MappedByteBuffer} re-mapped per chunk ({@link
 * io.mmf4j.bench.growth.AppendBench}), and one growth step against C doing fallocate + mremap
 * ({@link io.mmf4j.bench.growth.GrowthStepBench}, {@code src/main/c/growth_step.c}). Files live in a temp folder on
 * disk, never in /dev/shm, and are deleted after each operation.
 */
package io.mmf4j.bench.growth;
