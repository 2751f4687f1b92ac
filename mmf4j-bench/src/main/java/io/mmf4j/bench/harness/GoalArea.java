package io.mmf4j.bench.harness;

import java.util.List;

/**
 * The goals of one area (a BENCHMARKS.md section), declared in one place. The harness finds every public class of
 * {@code io.mmf4j.bench.*} whose name ends in {@code Goals} and implements this interface (no registration file),
 * makes it with its public no-argument constructor, and evaluates its goals in every run.
 *
 * {@snippet :
 * public final class ViewsGoals implements GoalArea {
 *     static final Contestant ACCESSOR_GET = Contestant.jmh(GetPutBench.class, "accessorGet");
 *     static final Contestant RAW_GET = Contestant.jmh(GetPutBench.class, "rawSegmentGet");
 *
 *     public String area() { return "views"; }
 *
 *     public List<Goal> goals() {
 *         return List.of(Goal.of("get: accessor ≤ 1.2× raw segment", ACCESSOR_GET).atMost(1.2, RAW_GET));
 *     }
 * }
 * }
 */
public interface GoalArea {
    /** The area's name, e.g. {@code views}, {@code heaps}. */
    String area();

    /** The goals, in report order. */
    List<Goal> goals();

    /**
     * Contestants measured and shown beside the goals without a goal of their own (diagnostics that explain a gap);
     * none by default. JMH benchmarks named by no goal run anyway in the full run's diagnostic round.
     */
    default List<Contestant> extras() {
        return List.of();
    }
}
