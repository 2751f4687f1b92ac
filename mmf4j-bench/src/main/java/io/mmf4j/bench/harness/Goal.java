package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One goal line of the report: a subject contestant and one or more clauses, each a bound on the ratio between the
 * subject and a peer, all measured in the same rounds. The verdict of a clause is read from the median of the
 * per-round ratios; the goal is met when every clause is. Immutable; {@link #atMost} and {@link #fasterAtLeast}
 * return a copy with one more clause.
 *
 * {@snippet :
 * Goal.of("get: accessor ≤ 1.2× raw segment and ≤ 1.0× Agrona", ACCESSOR_GET)
 *     .atMost(1.2, RAW_GET)        // subject time / peer time ≤ 1.2 in the median round
 *     .atMost(1.0, AGRONA_GET);
 * Goal.of("accessor ≥ 20× RandomAccessFile", ACCESSOR).fasterAtLeast(20, RAF); // peer time / subject time ≥ 20
 * }
 *
 * @param title   the line's text in the report: what is promised, in words
 * @param subject the mmf4j contestant
 * @param clauses the bounds; none for a goal over a {@link Contestant.Check}, which is met when the check passes
 */
public record Goal(String title, Contestant subject, List<Clause> clauses) {
    public Goal {
        clauses = List.copyOf(clauses);
        if (title.isBlank()) {
            throw new IllegalArgumentException("a goal needs a title");
        }
        if (subject instanceof Contestant.Check && !clauses.isEmpty()) {
            throw new IllegalArgumentException("goal '" + title + "': a check passes or fails, it has no ratio");
        }
    }

    /**
     * A bound between the subject and one peer.
     *
     * @param peer  the contestant compared with
     * @param bound the ratio allowed
     * @param atMost true: subject time ÷ peer time ≤ bound ("takes at most bound× the peer's time"); false: peer time
     *              ÷ subject time ≥ bound ("at least bound× as fast as the peer")
     */
    public record Clause(Contestant peer, double bound, boolean atMost) {
        public Clause {
            if (!(bound > 0) || Double.isInfinite(bound)) {
                throw new IllegalArgumentException("a goal's bound must be a positive number, got " + bound);
            }
        }

        /** The ratio this clause bounds, from one round's two figures (nanoseconds per op). */
        double ratio(double subjectNanos, double peerNanos) {
            return atMost ? subjectNanos / peerNanos : peerNanos / subjectNanos;
        }

        boolean met(double ratio) {
            return atMost ? ratio <= bound : ratio >= bound;
        }

        /** The clause in words, e.g. "≤ 1.20× the time of X". */
        String describe() {
            return atMost ? String.format(Locale.ROOT, "≤ %.2f× the time of %s", bound, peer.id())
                : String.format(Locale.ROOT, "≥ %.2f× as fast as %s", bound, peer.id());
        }
    }

    /** A goal titled {@code title} for {@code subject}, with no clause yet (none at all for a check). */
    public static Goal of(String title, Contestant subject) {
        return new Goal(title, subject, List.of());
    }

    /** Adds: the subject takes at most {@code ratio} times the time of {@code peer}. */
    public Goal atMost(double ratio, Contestant peer) {
        return with(new Clause(peer, ratio, true));
    }

    /** Adds: the subject is at least {@code ratio} times as fast as {@code peer}. */
    public Goal fasterAtLeast(double ratio, Contestant peer) {
        return with(new Clause(peer, ratio, false));
    }

    /** Every contestant of this goal, the subject first. */
    public List<Contestant> contestants() {
        List<Contestant> all = new ArrayList<>();
        all.add(subject);
        clauses.forEach(c -> all.add(c.peer()));
        return all;
    }

    private Goal with(Clause clause) {
        List<Clause> more = new ArrayList<>(clauses);
        more.add(clause);
        return new Goal(title, subject, more);
    }
}
