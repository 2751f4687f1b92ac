package io.mmf4j.internal.vm;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The state of every page of a region as runs: a sorted map from the first page of each run to the code all its
 * pages share. Adjacent runs always have different codes, so a run is exactly what {@code VirtualQuery} reports,
 * and the map's size is the number of runs, not of pages — a terabyte reservation costs one entry.
 *
 * <p>Not thread-safe: the owning region guards it.
 */
final class PageRuns {
    /** Called for each run that overlaps a range, clipped to that range. */
    interface RunVisitor<E extends Exception> {
        void visit(long fromPage, long toPage, int code) throws E;
    }

    private final long pages;
    private final NavigableMap<Long, Integer> runs = new TreeMap<>();

    PageRuns(long pages, int code) {
        this.pages = pages;
        runs.put(0L, code);
    }

    long pages() {
        return pages;
    }

    int get(long page) {
        return runs.floorEntry(page).getValue();
    }

    /** The first page of the run holding {@code page}. */
    long runStart(long page) {
        return runs.floorKey(page);
    }

    /** The page just past the run holding {@code page}. */
    long runEnd(long page) {
        Long next = runs.higherKey(page);
        return next == null ? pages : next;
    }

    /** Gives pages {@code [from, to)} the code {@code code}, merging with equal neighbours. */
    void set(long from, long to, int code) {
        if (from >= to) {
            return;
        }
        int after = to < pages ? get(to) : -1;
        runs.subMap(from, true, to, true).clear();
        runs.put(from, code);
        if (to < pages && after != code) {
            runs.put(to, after);
        }
        if (from > 0 && get(from - 1) == code) {
            runs.remove(from);
        }
    }

    /** Visits the runs overlapping {@code [from, to)}, clipped to it, in order. */
    <E extends Exception> void forEach(long from, long to, RunVisitor<E> visitor) throws E {
        long page = from;
        while (page < to) {
            Map.Entry<Long, Integer> run = runs.floorEntry(page);
            long end = Math.min(to, runEnd(page));
            visitor.visit(page, end, run.getValue());
            page = end;
        }
    }

    /** The first page in {@code [from, to)} whose code fails {@code test}, or -1. */
    long firstNotMatching(long from, long to, java.util.function.IntPredicate test) {
        long page = from;
        while (page < to) {
            if (!test.test(get(page))) {
                return page;
            }
            page = runEnd(page);
        }
        return -1;
    }

    /** The number of runs, for tests. */
    int runCount() {
        return runs.size();
    }
}
