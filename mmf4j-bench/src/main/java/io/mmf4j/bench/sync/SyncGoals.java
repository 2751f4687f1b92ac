package io.mmf4j.bench.sync;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.crossProcess;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The goals of the sync objects: the uncontended named mutex and the blocking hand-off (issue 16, item 2), and the
 * event ping-pong with both sides asleep (issue 19).
 */
public final class SyncGoals implements GoalArea {
    static final Contestant MUTEX = jmh(UncontendedLockBenchmark.class, "namedMutex");
    static final Contestant REENTRANT = jmh(UncontendedLockBenchmark.class, "reentrantLock");
    static final Contestant FILE_LOCK = jmh(UncontendedLockBenchmark.class, "fileChannelLock");
    static final Contestant HANDOFF = crossProcess(BlockingHandoff.class, "mmf4jEvent");
    static final Contestant HANDOFF_ASLEEP = crossProcess(AsleepHandoff.class, "mmf4jEventAsleep");
    static final Contestant HANDOFF_RAW = crossProcess(BlockingHandoff.class, "rawFfmFutex");
    /** The C futex round trip between two processes: the floor of every blocking hand-off (the queues' too). */
    public static final Contestant C_FUTEX = c("blocking.c", "futex rtt ns: median").args("25000").quickArgs("10000")
        .crossProcess();

    @Override
    public String area() {
        return "sync";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("named mutex lock+unlock ≤ 2× ReentrantLock and ≥ 50× faster than FileChannel.lock", MUTEX)
                .atMost(2, REENTRANT).fasterAtLeast(50, FILE_LOCK),
            Goal.of("blocking cross-process hand-off (NamedEvent) ≤ 1.3× the C futex round trip", HANDOFF)
                .atMost(1.3, C_FUTEX),
            Goal.of("event ping-pong, both sides asleep between messages (NamedEvent, no spinning)"
                    + " ≤ 1.3× the C futex round trip", HANDOFF_ASLEEP)
                .atMost(1.3, C_FUTEX));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(HANDOFF_RAW);
    }
}
