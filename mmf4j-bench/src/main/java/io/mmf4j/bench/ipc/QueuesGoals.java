package io.mmf4j.bench.ipc;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.crossProcess;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import io.mmf4j.bench.sync.SyncGoals;
import io.mmf4j.bench.views.ViewsGoals;
import java.util.List;

/**
 * The goals of issue 14 (message queues), BENCHMARKS.md section {@code queues}. Throughput contestants report the
 * median time per 64-byte message (so "at most 1.0x Agrona's time" is "at least Agrona's rate"); round-trip
 * contestants the median round trip. The p99 goal of the spinning round trip (at most 1 us) is absolute, which
 * the goal API does not state: its figure is in the report's p99 column and in BENCHMARKS.md.
 */
public final class QueuesGoals implements GoalArea {
    static final Contestant QUEUE_1 = crossProcess(QueueThroughput.class, "mmf4jQueue1to1");
    static final Contestant AGRONA_1 = crossProcess(QueueThroughput.class, "agronaOneToOne");
    static final Contestant QUEUE_4 = crossProcess(QueueThroughput.class, "mmf4jQueue4to1");
    static final Contestant AGRONA_4 = crossProcess(QueueThroughput.class, "agronaManyToOne");
    static final Contestant SPIN = crossProcess(QueueRoundTrip.class, "mmf4jQueueSpin");
    static final Contestant BLOCKING = crossProcess(QueueRoundTrip.class, "mmf4jQueueBlocking");
    static final Contestant C_PING_PONG = ViewsGoals.C_PING_PONG;
    static final Contestant C_FUTEX = SyncGoals.C_FUTEX;
    static final Contestant BOOST = c("queue_boost.c", "boost message_queue rtt ns: median").args("25000")
        .quickArgs("10000").crossProcess();

    @Override
    public String area() {
        return "queues";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("64-byte throughput 1->1 >= 1.0x Agrona OneToOneRingBuffer", QUEUE_1).atMost(1.0, AGRONA_1),
            Goal.of("64-byte throughput 4->1 >= 1.0x Agrona ManyToOneRingBuffer", QUEUE_4).atMost(1.0, AGRONA_4),
            Goal.of("ping-pong over two queues, median <= 1.5x pingpong.c", SPIN).atMost(1.5, C_PING_PONG),
            Goal.of("blocking handoff <= 1.3x blocking.c (futex) and >= 2x faster than Boost message_queue", BLOCKING)
                .atMost(1.3, C_FUTEX).fasterAtLeast(2.0, BOOST));
    }
}
