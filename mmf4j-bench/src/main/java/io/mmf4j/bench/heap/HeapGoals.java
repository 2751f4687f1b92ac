package io.mmf4j.bench.heap;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap goals of issue 12 for the harness ({@code bench/run --area heaps}): alloc+free pairs of 16, 64, 256 and
 * 1024 bytes and the random workload against glibc malloc+free from C, against a confined arena per block and
 * against malloc/free downcalls, and two threads against one. The random workload runs here with 100,000 live
 * blocks at peak (the harness's time budget); {@link HeapSitting} runs it at the 1,000,000 and measures the
 * fragmentation goal, which is not a time.
 */
public final class HeapGoals implements GoalArea {
    private static final String[] SIZES = {"16", "64", "256", "1024"};
    static final Contestant ONE_THREAD = jmh(HeapThreadsBenchmark.class, "oneThread");
    static final Contestant TWO_THREADS = jmh(HeapThreadsBenchmark.class, "twoThreads");

    @Override
    public String area() {
        return "heaps";
    }

    @Override
    public List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        for (String size : SIZES) {
            String s = "size=" + size;
            Contestant heap = jmh(HeapPairsBenchmark.class, "heap", s);
            Contestant confined = jmh(HeapPairsBenchmark.class, "heapNoSerialize", s);
            Contestant cPeer = c("heap_peer.c", "c pairs " + size + " ns:").args("pairs", size, "5")
                    .quickArgs("pairs", size, "1", "2000000");
            goals.add(Goal.of(size + " B alloc+free: serialised heap ≤ 1.0× glibc malloc+free (C)", heap)
                    .atMost(1.0, cPeer));
            goals.add(Goal.of(size + " B alloc+free: NO_SERIALIZE heap ≤ 0.7× glibc (C)", confined)
                    .atMost(0.7, cPeer));
            goals.add(Goal.of(size + " B alloc+free: heap ≥ 3× faster than Arena.ofConfined() per block and than"
                    + " malloc/free downcalls", heap)
                    .fasterAtLeast(3, jmh(HeapPairsBenchmark.class, "confinedArena", s))
                    .fasterAtLeast(3, jmh(HeapPairsBenchmark.class, "ffmMalloc", s)));
        }
        Contestant heap = jmh(HeapRandomBenchmark.class, "run", "kind=HEAP");
        Contestant confined = jmh(HeapRandomBenchmark.class, "run", "kind=HEAP_NO_SERIALIZE");
        Contestant cPeer = c("heap_peer.c", "c random run ms:").unit("ms").args("random", "1", "100000")
                .quickArgs("random", "1", "10000");
        goals.add(Goal.of("random workload (100,000 live): serialised heap ≤ 1.0× glibc (C)", heap)
                .atMost(1.0, cPeer));
        goals.add(Goal.of("random workload (100,000 live): NO_SERIALIZE heap ≤ 0.7× glibc (C)", confined)
                .atMost(0.7, cPeer));
        goals.add(Goal.of("random workload (100,000 live): heap ≥ 3× faster than an arena per block and than"
                + " malloc/free downcalls", heap)
                .fasterAtLeast(3, jmh(HeapRandomBenchmark.class, "run", "kind=CONFINED_ARENA"))
                .fasterAtLeast(3, jmh(HeapRandomBenchmark.class, "run", "kind=FFM_MALLOC")));
        goals.add(Goal.of("two threads on one serialised heap ≥ 1.5× one thread's throughput", TWO_THREADS)
                .fasterAtLeast(1.5, ONE_THREAD));
        return goals;
    }
}
