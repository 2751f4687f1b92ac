package io.mmf4j.internal;

import java.lang.foreign.Arena;

/**
 * The shared arenas views are mapped into, one per <em>generation</em> of views, so that the close handshake a shared
 * arena costs (tens of µs: every Java thread stops once) is paid once per generation instead of once per view. A
 * generation takes new views for at most {@link #VIEWS_PER_GENERATION} views or {@link #GENERATION_NANOS}; it is
 * closed — its mappings unmapped, after the handshake — once it takes no more views and every view in it is closed.
 * Until then a closed view's mapping has been replaced by a zero-filled placeholder
 * ({@link io.mmf4j.internal.platform.Platform#replaceWithPlaceholder}), so the file is let go at once and a thread
 * that still holds the old segment reads zeros and never faults. A finished generation is closed by the thread that
 * finishes it (the close of its last view, or the view that retires it), outside the lock: one handshake and its
 * unmaps per generation, in line, where a background close would contend with that thread's next mmap for the
 * address-space lock once per unmap. The {@link ViewReaper}, while there is a current generation, looks every
 * {@code GENERATION_NANOS} whether it is idle and old enough to retire (and closes it then); it is woken once per
 * generation, when one is made, never per view.
 *
 * <p>Thread-safe: the class's lock guards the counts; arenas are closed outside it.
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
    static Generation join() {
        Generation joined;
        Arena finished = null;
        boolean made = false;
        synchronized (ViewArenas.class) {
            if (current == null || current.members >= VIEWS_PER_GENERATION
                    || System.nanoTime() - current.born > GENERATION_NANOS) {
                finished = retireCurrent();
                current = new Generation();
                made = true;
            }
            current.members++;
            current.open++;
            joined = current;
        }
        if (finished != null) {
            closeFinished(finished);
        }
        if (made) {
            ViewReaper.wake(); // to watch the new generation, in case it goes idle and stays so
        }
        return joined;
    }

    /** A view of {@code generation} is closed (its mapping replaced, or never made); closes a finished generation. */
    static void leave(Generation generation) {
        boolean finished;
        synchronized (ViewArenas.class) {
            generation.open--;
            finished = generation.open == 0 && generation != current;
        }
        if (finished) {
            closeFinished(generation.arena);
        } // an idle current generation: the reaper, watching it since it was made, retires it in time
    }

    /** Whether the current generation has no open view (for tests: the reaper retires such a one in time). */
    static synchronized boolean idle() {
        return current != null && current.open == 0;
    }

    /** Whether there is a current generation: the reaper then watches it, to retire it once idle and old. */
    static synchronized boolean watched() {
        return current != null;
    }

    /** Retires the current generation if it has been idle for {@code GENERATION_NANOS}; called by the reaper. */
    static void sweep() {
        Arena finished;
        synchronized (ViewArenas.class) {
            if (current == null || current.open > 0 || System.nanoTime() - current.born <= GENERATION_NANOS) {
                return;
            }
            finished = retireCurrent();
        }
        if (finished != null) {
            closeFinished(finished);
        }
    }

    /**
     * Stops the current generation from taking views; returns its arena if none of its views is open (the caller
     * closes it, outside the lock), else null (its last view's close will).
     */
    private static Arena retireCurrent() {
        Generation retired = current;
        current = null;
        return retired != null && retired.open == 0 ? retired.arena : null;
    }

    /** Closes a finished generation's arena: handshake, then its unmaps; the reaper retries if a native call holds it. */
    private static void closeFinished(Arena arena) {
        try {
            arena.close();
        } catch (IllegalStateException busy) {
            if (arena.scope().isAlive()) {
                ViewReaper.close(arena); // a segment of it is an argument of a native call right now
            }
        }
    }
}
