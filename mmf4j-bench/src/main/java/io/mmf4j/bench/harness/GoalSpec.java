package io.mmf4j.bench.harness;

/**
 * A goal as the report evaluates it: the {@link Goal} annotation's values, or one given by a {@link LatencyHarness}.
 * Exactly one of {@code slowerAtMost} and {@code fasterAtLeast} is above 0.
 */
public record GoalSpec(String subject, String peer, double slowerAtMost, double fasterAtLeast) {
    public GoalSpec {
        if ((slowerAtMost > 0) == (fasterAtLeast > 0)) {
            throw new IllegalArgumentException("goal " + subject + " vs " + peer
                + ": set exactly one of slowerAtMost and fasterAtLeast");
        }
    }

    static GoalSpec of(Goal goal) {
        return new GoalSpec(goal.subject(), goal.peer(), goal.slowerAtMost(), goal.fasterAtLeast());
    }

    /** Whether a speed-up of the subject over the peer (peer time / subject time) meets the goal. */
    boolean met(double speedup) {
        return slowerAtMost > 0 ? 1 / speedup <= slowerAtMost : speedup >= fasterAtLeast;
    }

    /** The goal in words, e.g. "≤ 1.20× the time of rawSegment". */
    String describe() {
        return slowerAtMost > 0
            ? String.format("takes ≤ %.2f× the time of `%s`", slowerAtMost, peer)
            : String.format("≥ %.2f× as fast as `%s`", fasterAtLeast, peer);
    }
}
