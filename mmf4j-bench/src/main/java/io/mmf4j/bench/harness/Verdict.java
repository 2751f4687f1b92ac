package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A goal's evaluation: for each clause, the ratio in every round where both contestants were measured, their
 * median (what the verdict reads) and their spread (smallest and largest). Immutable.
 *
 * @param goal    the goal
 * @param clauses one per clause of the goal, in order
 * @param passes  for a check: the rounds it passed
 * @param failed  for a check: whether it failed in a round
 */
record Verdict(Goal goal, List<ClauseVerdict> clauses, int passes, boolean failed) {
    /** One clause: the per-round ratios, their median, min and max, and whether the median meets the bound. */
    record ClauseVerdict(Goal.Clause clause, double[] ratios, double median, double min, double max) {
        boolean measured() {
            return ratios.length > 0;
        }

        boolean met() {
            return measured() && clause.met(median);
        }
    }

    /** Evaluates {@code goal} on {@code results}. */
    static Verdict of(Goal goal, Results results) {
        double[] subject = results.perRound(goal.subject());
        List<ClauseVerdict> verdicts = new ArrayList<>();
        for (Goal.Clause clause : goal.clauses()) {
            double[] peer = results.perRound(clause.peer());
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < subject.length; r++) {
                if (subject[r] > 0 && peer[r] > 0) {
                    ratios.add(clause.ratio(subject[r], peer[r]));
                }
            }
            double[] values = ratios.stream().mapToDouble(Double::doubleValue).toArray();
            verdicts.add(new ClauseVerdict(clause, values, Results.median(values),
                Arrays.stream(values).min().orElse(Double.NaN), Arrays.stream(values).max().orElse(Double.NaN)));
        }
        int passes = (int) Arrays.stream(subject).filter(v -> !Double.isNaN(v)).count();
        return new Verdict(goal, verdicts, passes, results.errors().containsKey(goal.subject()));
    }

    /** Every clause was measured in at least one round; a check ran (passed or failed). */
    boolean measured() {
        if (isCheck()) {
            return passes > 0 || failed;
        }
        return !clauses.isEmpty() && clauses.stream().allMatch(ClauseVerdict::measured);
    }

    /** Measured, and every clause's median meets its bound; a check passed in every round it ran. */
    boolean met() {
        if (isCheck()) {
            return passes > 0 && !failed;
        }
        return measured() && clauses.stream().allMatch(ClauseVerdict::met);
    }

    boolean isCheck() {
        return goal.subject() instanceof Contestant.Check;
    }
}
