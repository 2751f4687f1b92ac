package io.mmf4j.internal.heap;

import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.BitSet;
import java.util.TreeMap;

/**
 * One reservation of a heap, carved into pages: its {@link Region}, the pages committed so far (a prefix: the heap
 * commits upwards and never decommits until it closes, so no segment it handed out can ever fault), the pages
 * {@code compact()} gave back (mapped still, reading zero), the owner of every page that starts a block's data
 * (a {@link Span} or a {@link PageRun}) and the used and free runs of pages in address order.
 *
 * <p>Not thread-safe: the {@link PageHeap} guards it; {@link #owner} is read without a lock (and checked again
 * under one by the caller).
 */
final class HeapRegion {
    private static final int CHUNK_SHIFT = 12;
    private static final int CHUNK = 1 << CHUNK_SHIFT;

    final int index;
    final Region region;
    final long base;
    final long pageSize;
    final int pageShift;
    final long pages;
    final long bytes;
    /** The whole reservation, for the heap's own use only (the heap hands out slices over committed pages). */
    final MemorySegment all;
    /** Used runs by first page: {@link Span}s and {@link PageRun}s. */
    final TreeMap<Long, Object> used = new TreeMap<>();
    /** Free runs by first page. */
    final TreeMap<Long, FreeRun> free = new TreeMap<>();
    final BitSet givenBack = new BitSet();
    private final Object[][] owners;
    long committedPages;

    @SuppressWarnings("restricted") // the heap only touches, and only hands out slices over, committed pages
    HeapRegion(int index, Region region, Arena arena) {
        this.index = index;
        this.region = region;
        this.base = region.address();
        this.pageSize = region.pageSize();
        this.pageShift = Long.numberOfTrailingZeros(pageSize);
        this.pages = region.size() >>> pageShift;
        this.bytes = region.size();
        this.all = MemorySegment.ofAddress(base).reinterpret(region.size(), arena, null);
        this.owners = new Object[(int) ((pages + CHUNK - 1) >>> CHUNK_SHIFT)][];
    }

    /** The span or page run whose data starts in {@code page}, or null. */
    Object owner(long page) {
        Object[] chunk = owners[(int) (page >>> CHUNK_SHIFT)];
        return chunk == null ? null : chunk[(int) (page & (CHUNK - 1))];
    }

    void setOwner(long fromPage, long toPage, Object owner) {
        for (long p = fromPage; p < toPage; p++) {
            int c = (int) (p >>> CHUNK_SHIFT);
            Object[] chunk = owners[c];
            if (chunk == null) {
                chunk = owners[c] = new Object[CHUNK];
            }
            chunk[(int) (p & (CHUNK - 1))] = owner;
        }
    }

    /** Commits pages up to {@code toPage} (and a little more, up to {@code ahead} pages, to save calls). */
    void ensureCommitted(long toPage, long ahead) throws IOException {
        if (toPage <= committedPages) {
            return;
        }
        long target = Math.min(pages, Math.max(toPage, committedPages + ahead));
        region.commit(committedPages << pageShift, (target - committedPages) << pageShift, Protection.READ_WRITE);
        committedPages = target;
    }

    /** The pages of {@code [from, to)} that compact gave back. */
    long givenBackIn(long from, long to) {
        long n = 0;
        for (int p = givenBack.nextSetBit((int) from); p >= 0 && p < to; p = givenBack.nextSetBit(p + 1)) {
            n++;
        }
        return n;
    }

    /** A free run of pages {@code [start, start + pages)} of a region. */
    record FreeRun(HeapRegion region, long start, long pages) {
        long end() {
            return start + pages;
        }
    }
}
