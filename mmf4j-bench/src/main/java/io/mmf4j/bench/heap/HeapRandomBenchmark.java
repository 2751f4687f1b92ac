package io.mmf4j.bench.heap;

import io.mmf4j.heap.Heap;
import io.mmf4j.heap.HeapOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The random workload ({@link RandomWorkload}: {@code 4 * records} alloc+free pairs, {@code records} live blocks at
 * peak, 16 B..4 KiB) on each allocator; one operation is the whole run on a fresh heap. The C peer is
 * {@code heap_peer random 1 RECORDS}. About 0.8 GB live at peak: run one at a time. No warm-up
 * run: a run is millions of operations (the JIT is warm within its first percent), and the C peer has none either.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Its own @Fork rather than ForkedBenchmark's: it also bounds the heap (-Xmx1g); the harness adds the other flags.
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class HeapRandomBenchmark {
    @Param({"HEAP", "HEAP_NO_SERIALIZE", "FFM_MALLOC", "CONFINED_ARENA"})
    public RandomWorkload.Kind kind;

    /** Live blocks at peak: the goal is 1,000,000 ({@link HeapSitting}); the harness runs 100,000. */
    @Param("100000")
    public int records;

    @Benchmark
    public long run() {
        Heap heap = switch (kind) {
            case HEAP -> Heap.create(0, 0);
            case HEAP_NO_SERIALIZE -> Heap.create(0, 0, HeapOption.NO_SERIALIZE);
            default -> null;
        };
        try {
            return new RandomWorkload(kind, heap, records).run(live -> { });
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
    }
}
