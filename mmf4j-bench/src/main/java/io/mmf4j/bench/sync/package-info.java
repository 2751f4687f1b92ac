/**
 * Benchmarks of io.mmf4j.sync: the uncontended named mutex against {@code ReentrantLock} and {@code FileChannel.lock}
 * (JMH), the blocking hand-off of two named events between two JVMs against raw futex calls and the C floor
 * {@code blocking.c}, and guarded increments from 2 and 4 processes through NamedMutex and NamedSemaphore against
 * glibc's process-shared mutex and {@code sem_t} ({@code src/main/c/contention.c}). {@link
 * io.mmf4j.bench.sync.SyncGoals} and {@link io.mmf4j.bench.sync.ContentionGoals} register the goals with the harness.
 */
package io.mmf4j.bench.sync;
