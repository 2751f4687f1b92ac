package io.mmf4j.internal.vm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The segments a region has handed out, each bound to an {@link Arena} of its own span of pages. Before pages
 * change (decommit, protect, release) the region {@linkplain #invalidate invalidates} every lease that overlaps
 * them, so that every later access throws {@code IllegalStateException} — never a fault:
 * <ul>
 * <li>a <em>shared</em> lease's arena is closed; that is a handshake with all threads, so when it returns no
 *     thread is inside an access to its segments;</li>
 * <li>a <em>confined</em> lease's segments are usable by their owner thread only, so no handshake is needed: the
 *     owner closes it cheaply; a dead owner's lease is dropped (nobody can use it any more); while the owner
 *     lives, another thread cannot close it, so a change from another thread is refused.</li>
 * </ul>
 *
 * <p>Requests for the same span of pages with the same access (and owner) share one lease, so a loop that asks
 * for the same segment again and again does not grow the list. Leases are kept by first page, so finding the ones
 * a change overlaps looks only at those that start at most the longest lease's span before it.
 *
 * <p>Not thread-safe: the owning region guards it.
 */
final class SegmentLeases {
    /** {@code owner} is null for a shared lease. */
    private record Lease(long fromPage, long toPage, boolean readOnly, Thread owner, Arena arena,
                         MemorySegment pages) {}

    private final NavigableMap<Long, List<Lease>> byFirstPage = new TreeMap<>();
    private long longestSpan;
    private int size;

    /**
     * A segment over pages {@code [fromPage, toPage)} at {@code address}, valid until those pages change; confined
     * to the calling thread if {@code confined}.
     */
    @SuppressWarnings("restricted") // the caller has checked that every page of the span is committed and readable
    MemorySegment lease(long fromPage, long toPage, long address, long length, boolean readOnly, boolean confined) {
        Thread owner = confined ? Thread.currentThread() : null;
        List<Lease> starting = byFirstPage.computeIfAbsent(fromPage, k -> new ArrayList<>(1));
        for (Lease lease : starting) {
            if (lease.toPage == toPage && lease.readOnly == readOnly && lease.owner == owner) {
                return lease.pages;
            }
        }
        Arena arena = confined ? Arena.ofConfined() : Arena.ofShared();
        MemorySegment pages = MemorySegment.ofAddress(address).reinterpret(length, arena, null);
        if (readOnly) {
            pages = pages.asReadOnly();
        }
        starting.add(new Lease(fromPage, toPage, readOnly, owner, arena, pages));
        longestSpan = Math.max(longestSpan, toPage - fromPage);
        size++;
        return pages;
    }

    /**
     * Ends all leases overlapping pages {@code [fromPage, toPage)}.
     *
     * @throws IllegalStateException if one of them cannot end now — a confined lease of another live thread, or
     *                               a segment in use by a native call; the pages must not change then
     */
    void invalidate(long fromPage, long toPage) {
        if (size == 0) {
            return;
        }
        Thread self = Thread.currentThread();
        for (Lease lease : overlapping(fromPage, toPage)) {
            if (lease.owner != null && lease.owner != self && lease.owner.isAlive()) {
                throw new IllegalStateException("a segment confined to thread \"" + lease.owner.getName()
                        + "\" covers these pages; change them from that thread, or after it has ended");
            }
        }
        IllegalStateException busy = null;
        for (Lease lease : overlapping(fromPage, toPage)) {
            try {
                if (lease.owner == null || lease.owner == self) {
                    lease.arena.close();
                } // else: the owner has ended; no thread can reach the segment, and its arena is unreachable
                remove(lease);
            } catch (IllegalStateException e) {
                busy = busy != null ? busy : new IllegalStateException(
                        "a segment over these pages is in use by a native call; try again when it returns", e);
            }
        }
        if (busy != null) {
            throw busy;
        }
    }

    private List<Lease> overlapping(long fromPage, long toPage) {
        List<Lease> found = new ArrayList<>();
        long earliest = Math.max(0, fromPage - longestSpan + 1);
        for (Map.Entry<Long, List<Lease>> entry : byFirstPage.subMap(earliest, true, toPage, false).entrySet()) {
            for (Lease lease : entry.getValue()) {
                if (fromPage < lease.toPage) {
                    found.add(lease);
                }
            }
        }
        return found;
    }

    private void remove(Lease lease) {
        List<Lease> starting = byFirstPage.get(lease.fromPage);
        for (Iterator<Lease> it = starting.iterator(); it.hasNext(); ) {
            if (it.next() == lease) {
                it.remove();
                size--;
            }
        }
        if (starting.isEmpty()) {
            byFirstPage.remove(lease.fromPage);
        }
        if (size == 0) {
            longestSpan = 0;
        }
    }

    /** The number of live leases, for tests. */
    int size() {
        return size;
    }
}
