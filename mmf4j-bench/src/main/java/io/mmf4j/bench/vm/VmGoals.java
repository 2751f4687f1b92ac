package io.mmf4j.bench.vm;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/** The goals of virtual memory (issue 16, item 2): commit + touch + decommit of 1 GiB in 64 KiB steps against C. */
public final class VmGoals implements GoalArea {
    static final Contestant CYCLE = jmh(VmCycleBenchmark.class, "mmf4jCommitTouchDecommit");
    static final Contestant C_CYCLE = c("vm_cycle.c", "c commit+touch+decommit 1GiB/64KiB ms: median").unit("ms")
        .args("3").quickArgs("1");

    static final Contestant CONFINED_CYCLE = jmh(VmCycleBenchmark.class, "mmf4jConfinedCommitTouchDecommit");
    static final Contestant RAW_FFM_CYCLE = jmh(VmCycleBenchmark.class, "rawFfmCommitTouchDecommit");

    @Override
    public String area() {
        return "vm";
    }

    @Override
    public List<Goal> goals() {
        return List.of(Goal.of("commit+touch+decommit (1 GiB, 64 KiB steps) ≤ 1.2× C", CYCLE).atMost(1.2, C_CYCLE));
    }

    /** Beside the goal every round: the same with confined segments (no handshake), and raw FFM downcalls. */
    @Override
    public List<Contestant> extras() {
        return List.of(CONFINED_CYCLE, RAW_FFM_CYCLE);
    }
}
