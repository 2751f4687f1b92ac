package io.mmf4j.bench.sharedheap;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The shared-heap goals (issue 13): SharedHeap against Boost.Interprocess managed_shared_memory (boost_shared_heap.cpp),
 * allocate+free uncontended and with 2 processes contending, and the find of a named object.
 */
public final class SharedHeapGoals implements GoalArea {
    static final Contestant ALLOC = jmh(SharedHeapBench.class, "allocateFree");
    static final Contestant ALLOC_CONTENDED = jmh(SharedHeapBench.class, "allocateFreeContended");
    static final Contestant LOOKUP = jmh(SharedHeapBench.class, "lookup");
    static final Contestant BOOST_ALLOC = c("boost_shared_heap.cpp", "alloc+free ns:").args("alloc", "1000000")
        .quickArgs("alloc", "100000");
    static final Contestant BOOST_CONTENDED = c("boost_shared_heap.cpp", "contended alloc+free ns:")
        .args("contended", "500000").quickArgs("contended", "50000").crossProcess();
    static final Contestant BOOST_FIND = c("boost_shared_heap.cpp", "find ns:").args("find", "1000000")
        .quickArgs("find", "100000");

    @Override
    public String area() {
        return "shared heaps";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("SharedHeap allocate(64)+free ≤ 1.0× Boost.Interprocess managed_shared_memory", ALLOC)
                .atMost(1.0, BOOST_ALLOC),
            Goal.of("SharedHeap allocate(64)+free, 2 processes contending, ≤ 1.0× Boost.Interprocess", ALLOC_CONTENDED)
                .atMost(1.0, BOOST_CONTENDED),
            Goal.of("SharedHeap lookup of a named block ≤ 1.0× Boost.Interprocess find", LOOKUP)
                .atMost(1.0, BOOST_FIND));
    }
}
