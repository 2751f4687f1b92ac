package io.mmf4j.internal;

import java.lang.foreign.Arena;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Closes views' shared arenas — {@link ViewArenas} generations, and the arena of a view whose raw segment was handed
 * out when a native call held it at close — off the caller's thread. Closing a shared arena waits for a handshake
 * with every Java thread (50-85 µs on a small machine), which would dominate the cost of closing a view; the
 * memory stays mapped until the reaper closes the arena, so no access can fault meanwhile. When the current
 * generation has no open view, the reaper retires it once it is {@link ViewArenas#GENERATION_NANOS} old
 * ({@link ViewArenas#sweep}); otherwise it sleeps until there is an arena to close.
 *
 * <p>The queue is bounded: when it is full the caller closes the arena itself, so a burst of closes cannot
 * pile up mappings faster than they are released.
 */
final class ViewReaper {
    private static final int CAPACITY = 256;
    private static final BlockingQueue<Arena> QUEUE = new ArrayBlockingQueue<>(CAPACITY);
    /** Not an arena to close: wakes the reaper to watch an idle generation ({@link #wake}). Never closed. */
    private static final Arena WAKE = Arena.ofAuto();
    private static final java.util.concurrent.atomic.AtomicBoolean WOKEN = new java.util.concurrent.atomic.AtomicBoolean();

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

    /** Tells the reaper that the current generation has gone idle, so that it retires it after a while. */
    static void wake() {
        if (WOKEN.compareAndSet(false, true) && !QUEUE.offer(WAKE)) {
            WOKEN.set(false); // the queue is full: the reaper is busy and looks again when it drains
        }
    }

    /** The number of arenas waiting to be closed. */
    static int pending() {
        return QUEUE.size();
    }

    private static void run() {
        while (true) {
            try {
                // Blocks while there is nothing to watch; with an idle current generation, wakes to retire it.
                Arena arena = ViewArenas.idle()
                        ? QUEUE.poll(ViewArenas.GENERATION_NANOS, java.util.concurrent.TimeUnit.NANOSECONDS)
                        : QUEUE.take();
                if (arena == null) {
                    ViewArenas.sweep();
                } else if (arena == WAKE) {
                    WOKEN.set(false);
                } else {
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
