package io.mmf4j.bench.records;

import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The goals of records in views (issue 18): the .NET image loop by class and by a kept {@code RecordLayout} within
 * 1.2x of hand-written {@code getShort}/{@code putShort}, over 1 M and 64 M records, and at least 10x faster than
 * the codec before (measured at 1 M: at 64 M one pass of the old codec takes seconds).
 */
public final class RecordsGoals implements GoalArea {
    static final Contestant HAND_1M = jmh(ImageBrightenBench.class, "handWritten", "records=1048576");
    static final Contestant CLASS_1M = jmh(ImageBrightenBench.class, "byClass", "records=1048576");
    static final Contestant LAYOUT_1M = jmh(ImageBrightenBench.class, "byLayout", "records=1048576");
    static final Contestant BEFORE_1M = jmh(ImageBrightenBench.class, "codecBefore", "records=1048576");
    static final Contestant HAND_64M = jmh(ImageBrightenBench.class, "handWritten", "records=67108864");
    static final Contestant CLASS_64M = jmh(ImageBrightenBench.class, "byClass", "records=67108864");
    static final Contestant LAYOUT_64M = jmh(ImageBrightenBench.class, "byLayout", "records=67108864");
    static final Contestant ARRAYS_1M = jmh(ImageBrightenBench.class, "byLayoutArrays", "records=1048576");

    @Override
    public String area() {
        return "records";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("image loop, 1 M records: view.read/write by class ≤ 1.2× hand-written getShort/putShort and"
                + " ≥ 10× faster than the codec before", CLASS_1M).atMost(1.2, HAND_1M).fasterAtLeast(10, BEFORE_1M),
            Goal.of("image loop, 1 M records: a kept RecordLayout ≤ 1.2× hand-written and ≥ 10× faster than the codec"
                + " before", LAYOUT_1M).atMost(1.2, HAND_1M).fasterAtLeast(10, BEFORE_1M),
            Goal.of("image loop, 64 M records (512 MiB): by class ≤ 1.2× hand-written", CLASS_64M).atMost(1.2, HAND_64M),
            Goal.of("image loop, 64 M records (512 MiB): a kept RecordLayout ≤ 1.2× hand-written", LAYOUT_64M)
                .atMost(1.2, HAND_64M));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(ARRAYS_1M);
    }
}
