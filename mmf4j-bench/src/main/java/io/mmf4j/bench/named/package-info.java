/**
 * Benchmarks of named objects: the life cycle of a named map against a {@code FileChannel} peer, cross-process
 * ping-pong, and the namespace at scale (create, open, list and sweep with up to 10,000 objects, issue 20).
 */
package io.mmf4j.bench.named;
