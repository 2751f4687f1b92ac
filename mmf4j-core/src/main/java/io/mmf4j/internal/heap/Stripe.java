package io.mmf4j.internal.heap;

import java.util.concurrent.locks.ReentrantLock;

/**
 * One stripe of a heap's small blocks: for every size class the span it allocates from now and a list of its other
 * spans with free slots. A serialised heap has several stripes, each with a lock of its own, and a thread
 * allocates from the stripe its id picks, so threads seldom meet on a lock (the arenas of glibc and jemalloc);
 * a block freed by another thread goes back to its own span's stripe. A confined heap has one stripe and no lock.
 *
 * <p>Not thread-safe by itself: {@link #lock} (null for a confined heap) guards every field and every span the
 * stripe owns.
 */
final class Stripe {
    final ReentrantLock lock;
    final Span[] current = new Span[SizeClasses.COUNT];
    private final Span[] partial = new Span[SizeClasses.COUNT];
    /** Bytes in live small blocks of this stripe. */
    long allocated;

    Stripe(boolean serialised) {
        this.lock = serialised ? new ReentrantLock() : null;
    }

    /**
     * Makes a span with a free slot the current one of {@code sizeClass}: a listed one, else a new one from the
     * page heap (under its lock); null when the heap has no room for a span.
     */
    Span refill(int sizeClass, PageHeap pages, ReentrantLock pagesLock) {
        Span span = partial[sizeClass];
        if (span != null) {
            unlist(span);
        } else {
            if (pagesLock != null) {
                pagesLock.lock();
            }
            try {
                span = pages.newSpan(this, sizeClass);
            } finally {
                if (pagesLock != null) {
                    pagesLock.unlock();
                }
            }
            if (span == null) {
                return null;
            }
        }
        Span old = current[sizeClass];
        current[sizeClass] = span;
        if (old != null && !old.full()) {
            list(old);
        }
        return span;
    }

    /** After a slot of {@code span} was given back: lists the span, or gives it back to the page heap when empty. */
    void freed(Span span, PageHeap pages, ReentrantLock pagesLock) {
        if (span == current[span.sizeClass]) {
            return;
        }
        if (span.live == 0) {
            if (span.listed) {
                unlist(span);
            }
            release(span, pages, pagesLock);
        } else if (!span.listed) {
            list(span);
        }
    }

    /** Gives back the current spans that hold no live block (compact). */
    void releaseEmpty(PageHeap pages) {
        for (int c = 0; c < current.length; c++) {
            Span span = current[c];
            if (span != null && span.live == 0) {
                current[c] = null;
                release(span, pages, null);
            }
        }
    }

    private static void release(Span span, PageHeap pages, ReentrantLock pagesLock) {
        if (pagesLock != null) {
            pagesLock.lock();
        }
        try {
            pages.releaseSpan(span);
        } finally {
            if (pagesLock != null) {
                pagesLock.unlock();
            }
        }
    }

    private void list(Span span) {
        Span head = partial[span.sizeClass];
        span.prev = null;
        span.next = head;
        if (head != null) {
            head.prev = span;
        }
        partial[span.sizeClass] = span;
        span.listed = true;
    }

    private void unlist(Span span) {
        if (span.prev != null) {
            span.prev.next = span.next;
        } else {
            partial[span.sizeClass] = span.next;
        }
        if (span.next != null) {
            span.next.prev = span.prev;
        }
        span.prev = span.next = null;
        span.listed = false;
    }
}
