/**
 * Benchmarks of {@code io.mmf4j.ipc} message queues between separate JVMs: throughput against Agrona's ring
 * buffers over the same /dev/shm memory ({@link io.mmf4j.bench.ipc.QueueThroughput}), and round trips, spinning
 * and blocking, against the C floors and Boost's {@code message_queue} ({@link io.mmf4j.bench.ipc.QueueRoundTrip}).
 */
package io.mmf4j.bench.ipc;
