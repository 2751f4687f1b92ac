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
 * The segments a region has handed out, each bound to a shared {@link Arena} of its own span of pages. Before
 * pages change (decommit, protect, release) the region {@linkplain #invalidate invalidates} every lease that
 * overlaps them: closing a shared arena is a handshake with all threads, so when it returns no thread is inside
 * an access to those segments, and every later access throws {@code IllegalStateException} — never a fault.
 *
 * <p>Requests for the same span of pages with the same access share one lease, so a loop that asks for the same
 * segment again and again does not grow the list; it holds at most one lease per distinct live span. Leases are
 * kept by first page, so finding the ones a change overlaps looks only at those that start at most the longest
 * lease's span before it.
 *
 * <p>Not thread-safe: the owning region guards it.
 */
final class SegmentLeases {
    private record Lease(long fromPage, long toPage, boolean readOnly, Arena arena, MemorySegment pages) {}

    private final NavigableMap<Long, List<Lease>> byFirstPage = new TreeMap<>();
    private long longestSpan;
    private int size;

    /** A segment over pages {@code [fromPage, toPage)} at {@code address}, valid until those pages change. */
    @SuppressWarnings("restricted") // the caller has checked that every page of the span is committed and readable
    MemorySegment lease(long fromPage, long toPage, long address, long length, boolean readOnly) {
        List<Lease> starting = byFirstPage.computeIfAbsent(fromPage, k -> new ArrayList<>(1));
        for (Lease lease : starting) {
            if (lease.toPage == toPage && lease.readOnly == readOnly) {
                return lease.pages;
            }
        }
        Arena arena = Arena.ofShared();
        MemorySegment pages = MemorySegment.ofAddress(address).reinterpret(length, arena, null);
        if (readOnly) {
            pages = pages.asReadOnly();
        }
        starting.add(new Lease(fromPage, toPage, readOnly, arena, pages));
        longestSpan = Math.max(longestSpan, toPage - fromPage);
        size++;
        return pages;
    }

    /**
     * Closes the arenas of all leases overlapping pages {@code [fromPage, toPage)}.
     *
     * @throws IllegalStateException if a segment of one of them is in use by a native call right now; the pages
     *                               must not change then
     */
    void invalidate(long fromPage, long toPage) {
        if (size == 0) {
            return;
        }
        IllegalStateException busy = null;
        long earliest = Math.max(0, fromPage - longestSpan + 1);
        for (Iterator<Map.Entry<Long, List<Lease>>> entries =
                byFirstPage.subMap(earliest, true, toPage, false).entrySet().iterator(); entries.hasNext(); ) {
            List<Lease> starting = entries.next().getValue();
            for (Iterator<Lease> it = starting.iterator(); it.hasNext(); ) {
                Lease lease = it.next();
                if (fromPage < lease.toPage) {
                    try {
                        lease.arena.close();
                        it.remove();
                        size--;
                    } catch (IllegalStateException e) {
                        busy = busy != null ? busy : new IllegalStateException(
                                "a segment over these pages is in use by a native call; try again when it returns", e);
                    }
                }
            }
            if (starting.isEmpty()) {
                entries.remove();
            }
        }
        if (size == 0) {
            longestSpan = 0;
        }
        if (busy != null) {
            throw busy;
        }
    }

    /** The number of live leases, for tests. */
    int size() {
        return size;
    }
}
