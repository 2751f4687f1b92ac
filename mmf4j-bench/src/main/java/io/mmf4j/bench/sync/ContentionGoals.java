package io.mmf4j.bench.sync;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.crossProcess;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The goals of sync under contention (issue 19): guarded increments from 2 and 4 processes through NamedMutex
 * within 1.5x of glibc's robust process-shared pthread mutex, and through NamedSemaphore within 1.5x of a
 * process-shared sem_t (both C peers in {@code contention.c}). The event ping-pong goal (≤ 1.3x blocking.c) is
 * the sync area's hand-off goal ({@link SyncGoals}).
 */
public final class ContentionGoals implements GoalArea {
    static final Contestant MUTEX_2 = crossProcess(ContentionHarness.class, "mutex2");
    static final Contestant MUTEX_4 = crossProcess(ContentionHarness.class, "mutex4");
    static final Contestant SEM_2 = crossProcess(ContentionHarness.class, "sem2");
    static final Contestant SEM_4 = crossProcess(ContentionHarness.class, "sem4");
    static final Contestant C_MUTEX_2 = peer("mutex", "2");
    static final Contestant C_MUTEX_4 = peer("mutex", "4");
    static final Contestant C_SEM_2 = peer("sem", "2");
    static final Contestant C_SEM_4 = peer("sem", "4");

    private static Contestant peer(String kind, String processes) {
        return c("contention.c", "ns per increment:").args(kind, processes, "50000", "200000")
            .quickArgs(kind, processes, "20000", "100000");
    }

    @Override
    public String area() {
        return "contention";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("NamedMutex, 2 processes: ≤ 1.5× a robust process-shared pthread mutex", MUTEX_2).atMost(1.5, C_MUTEX_2),
            Goal.of("NamedMutex, 4 processes: ≤ 1.5× a robust process-shared pthread mutex", MUTEX_4).atMost(1.5, C_MUTEX_4),
            Goal.of("NamedSemaphore, 2 processes: ≤ 1.5× a process-shared sem_t", SEM_2).atMost(1.5, C_SEM_2),
            Goal.of("NamedSemaphore, 4 processes: ≤ 1.5× a process-shared sem_t", SEM_4).atMost(1.5, C_SEM_4));
    }
}
