/**
 * Benchmarks of io.mmf4j.heap's SharedHeap against its peer, Boost.Interprocess (src/main/c/boost_heap.cpp).
 */
package io.mmf4j.bench.heap;
