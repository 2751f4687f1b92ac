package io.mmf4j.internal;

import java.lang.foreign.Arena;

/**
 * The shared arenas views are mapped into, one per <em>generation</em> of views, so that the close handshake a shared
 * arena costs (tens of µs: every Java thread stops once) is paid once per generation instead of once per view. A
 * generation takes new views for at most {@link #VIEWS_PER_GENERATION} views or {@link #GENERATION_NANOS}; it is
 * closed — its mappings unmapped, after the handshake — once it takes no more views and every view in it is closed.
 * Until then a closed view's mapping has been replaced by a zero-filled placeholder
 * ({@link io.mmf4j.internal.platform.Platform#replaceWithPlaceholder}), so the file is let go at once and a thread
 * that still holds the old segment reads zeros and never faults. The {@link ViewReaper} closes generations and
 * sweeps an idle one after {@code GENERATION_NANOS}.
 *
 * <p>Thread-safe: every method holds the class's lock, which guards the counts.
 */
final class ViewArenas {
    static final int VIEWS_PER_GENERATION = 64;
    static final long GENERATION_NANOS = 20_000_000L;

    /** One generation: its arena and counts. */
    static final class Generation {
        private final Arena arena = Arena.ofShared();
        private final long born = System.nanoTime();
        private int members; // guarded by ViewArenas.class
        private int open;    // guarded by ViewArenas.class

        Arena arena() {
            return arena;
        }
    }

    private static Generation current; // guarded by ViewArenas.class

    private ViewArenas() {}

    /** The generation a new view maps into; the view must {@link #leave} it exactly once. */
    static synchronized Generation join() {
        if (current == null || current.members >= VIEWS_PER_GENERATION || System.nanoTime() - current.born > GENERATION_NANOS) {
            retireCurrent();
            current = new Generation();
        }
        current.members++;
        current.open++;
        return current;
    }

    /** A view of {@code generation} is closed (its mapping replaced, or never made); closes a finished generation. */
    static void leave(Generation generation) {
        boolean finished;
        boolean idle;
        synchronized (ViewArenas.class) {
            generation.open--;
            finished = generation.open == 0 && generation != current;
            idle = generation.open == 0 && generation == current;
        }
        if (finished) {
            ViewReaper.close(generation.arena);
        } else if (idle) {
            ViewReaper.wake();
        }
    }

    /** Whether the current generation has no open view (the reaper then watches it, to retire it). */
    static synchronized boolean idle() {
        return current != null && current.open == 0;
    }

    /** Retires the current generation if it has been idle for {@code GENERATION_NANOS}; called by the reaper. */
    static void sweep() {
        synchronized (ViewArenas.class) {
            if (current == null || current.open > 0 || System.nanoTime() - current.born <= GENERATION_NANOS) {
                return;
            }
            retireCurrent();
        }
    }

    /** Stops the current generation from taking views; closes it now if none of its views is open. */
    private static void retireCurrent() {
        Generation retired = current;
        current = null;
        if (retired != null && retired.open == 0) {
            ViewReaper.close(retired.arena);
        }
    }
}
