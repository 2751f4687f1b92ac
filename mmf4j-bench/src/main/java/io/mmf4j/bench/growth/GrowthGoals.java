package io.mmf4j.bench.growth;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/** The goals of maps that grow (issue 15): appending 1 GiB of records, and one growth step against C. */
public final class GrowthGoals implements GoalArea {
    static final Contestant APPEND_VIEW = jmh(AppendBench.class, "growingView", "mib=1024");
    static final Contestant APPEND_CHANNEL = jmh(AppendBench.class, "fileChannelWrite", "mib=1024");
    static final Contestant APPEND_MBB = jmh(AppendBench.class, "mappedByteBufferPerChunk", "mib=1024");
    static final Contestant STEP = jmh(GrowthStepBench.class, "growthStep");
    static final Contestant C_STEP_MREMAP = c("growth_step.c", "63 growth steps mremap ns:")
        .args("mremap", "200", "{work}").quickArgs("mremap", "20", "{work}");
    static final Contestant C_STEP_FIXED = c("growth_step.c", "63 growth steps fixed ns:")
        .args("fixed", "200", "{work}").quickArgs("fixed", "20", "{work}");

    @Override
    public String area() {
        return "growth";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("append 1 GiB of 256-byte records through a growing view ≤ 1.0× FileChannel.write appends"
                    + " and ≤ 1.0× MappedByteBuffer re-mapped per 64 MiB chunk", APPEND_VIEW)
                .atMost(1.0, APPEND_CHANNEL).atMost(1.0, APPEND_MBB),
            Goal.of("growth step of a growing view (1 MiB: reserve, grow the file, cover it) ≤ 1.2× C doing fallocate + mremap", STEP)
                .atMost(1.2, C_STEP_MREMAP));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(C_STEP_FIXED); // C growing by MAP_FIXED into a reservation, for comparison
    }
}
