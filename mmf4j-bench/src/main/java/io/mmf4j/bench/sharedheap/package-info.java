/**
 * Benchmarks of io.mmf4j.heap's SharedHeap against its peer, Boost.Interprocess (src/main/c/boost_shared_heap.cpp).
 */
package io.mmf4j.bench.sharedheap;
