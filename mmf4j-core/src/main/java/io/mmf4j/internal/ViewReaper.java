package io.mmf4j.internal;

import java.lang.foreign.Arena;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Closes the shared arenas that could not be closed in line because a native call held them at close — a
 * {@link ViewArenas} generation's, a view's own, a growing view's — retrying until it can, and the idle generation
 * it retires itself.
 * Closing a shared arena waits for a handshake with every Java thread (50-85 µs on a small machine); the memory
 * stays mapped until the reaper closes the arena, so no access can fault meanwhile. While there is a current
 * generation the reaper looks every {@link ViewArenas#GENERATION_NANOS} whether it is idle and old enough to retire
 * ({@link ViewArenas#sweep}); otherwise it sleeps until there is an arena to close or a new generation to watch.
 *
 * <p>The queue is bounded: when it is full the caller closes the arena itself, so a burst of closes cannot
 * pile up mappings faster than they are released.
 */
final class ViewReaper {
    private static final int CAPACITY = 256;
    private static final BlockingQueue<Arena> QUEUE = new ArrayBlockingQueue<>(CAPACITY);
    /** Not an arena to close: wakes the reaper to watch a new generation ({@link #wake}). Never closed. */
    private static final Arena WAKE = Arena.ofAuto();
    /**
     * True while the reaper will look at the current generation again without being woken: it is in its timed wait,
     * or a {@link #WAKE} is on its way. Views opened and closed back to back then cost no wake-up each (a context
     * switch, and the reaper's contention for the address-space lock: ~10 µs a view on a small machine).
     */
    private static final java.util.concurrent.atomic.AtomicBoolean WATCHING = new java.util.concurrent.atomic.AtomicBoolean();

    static {
        Thread reaper = Thread.ofPlatform().daemon().name("mmf4j-view-reaper").unstarted(ViewReaper::run);
        reaper.start();
    }

    private ViewReaper() {}

    /** Closes {@code arena} soon, or now if the reaper is behind. */
    static void close(Arena arena) {
        if (!QUEUE.offer(arena)) {
            closeOrRetry(arena);
        }
    }

    /** Tells the reaper that there is a new current generation to watch, so that it retires it once idle and old. */
    static void wake() {
        if (WATCHING.compareAndSet(false, true) && !QUEUE.offer(WAKE)) {
            WATCHING.set(false); // the queue is full: the reaper is busy and looks again when it drains
        }
    }

    /** The number of arenas waiting to be closed. */
    static int pending() {
        return QUEUE.size();
    }

    private static void run() {
        while (true) {
            try {
                // With a current generation: a timed wait, then retire it if it is idle and old enough; wake() calls
                // meanwhile are no-ops. Otherwise: say so, look once more (a generation may be new since), block.
                Arena arena;
                if (ViewArenas.watched()) {
                    WATCHING.set(true);
                    arena = QUEUE.poll(ViewArenas.GENERATION_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS);
                } else {
                    WATCHING.set(false);
                    if (ViewArenas.watched()) {
                        continue;
                    }
                    arena = QUEUE.take();
                }
                if (arena == null) {
                    ViewArenas.sweep();
                } else if (arena != WAKE) {
                    closeOrRetry(arena);
                }
            } catch (InterruptedException e) {
                // a daemon that is never meant to stop: keep reaping
            }
        }
    }

    private static void closeOrRetry(Arena arena) {
        try {
            arena.close();
        } catch (IllegalStateException busy) {
            if (!arena.scope().isAlive()) {
                return;
            }
            // a native call is using the memory right now (a segment passed to a downcall): try again later
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ignored) {
                    // retry at once
                }
                close(arena);
            });
        }
    }
}
