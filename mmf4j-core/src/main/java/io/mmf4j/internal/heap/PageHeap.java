package io.mmf4j.internal.heap;

import io.mmf4j.internal.heap.HeapRegion.FreeRun;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The page level of a heap: its regions and the runs of pages in them, handed out best fit (the smallest free
 * run that is large enough, the lowest address among equals) and coalesced with their free neighbours when they
 * come back. Spans of small blocks, page runs of medium blocks and the regions of large blocks come from here.
 *
 * <p>A fixed heap has one region of its maximum size. A growable heap starts with one of at least 64 MiB and adds
 * regions as it needs them, each twice the last (up to 1 GiB, or the request); its blocks at or above
 * {@link #LARGE_BLOCK} get a region of their own. Pages are committed upwards as runs need them, 1 MiB ahead.
 *
 * <p>Not thread-safe: the heap holds its page lock around every call ({@link #regionOf} excepted).
 */
final class PageHeap {
    /** A growable heap's blocks of this size or more get a region of their own (Windows: about 1 MiB on 64-bit). */
    static final long LARGE_BLOCK = 1L << 20;
    /** compact() gives back free runs of at least this many bytes. */
    static final long GIVE_BACK_MIN = 64 * 1024;
    private static final long FIRST_REGION = 64L << 20;
    private static final long REGION_CAP = 1L << 30;
    private static final long COMMIT_AHEAD = 1L << 20;

    private static final Comparator<FreeRun> BY_SIZE = Comparator.comparingLong(FreeRun::pages)
            .thenComparingInt(r -> r.region() == null ? -1 : r.region().index).thenComparingLong(FreeRun::start);

    private final Arena arena;
    private final boolean confined;
    final long maximumSize;
    final long pageSize;
    private final int pageShift;
    private volatile HeapRegion[] regions = new HeapRegion[0];
    private final TreeSet<FreeRun> bySize = new TreeSet<>(BY_SIZE);
    final Map<Long, LargeBlock> large = new HashMap<>();
    private int largeCount;
    long runAllocated;
    /** The first region, where most blocks are (the fast path of free looks only here). */
    final HeapRegion firstRegion;

    PageHeap(Arena arena, boolean confined, long initialSize, long maximumSize) throws IOException {
        this.arena = arena;
        this.confined = confined;
        this.maximumSize = maximumSize;
        this.pageSize = VirtualMemory.pageSize();
        this.pageShift = Long.numberOfTrailingZeros(pageSize);
        long initial = Math.max(pageSize, roundUp(initialSize));
        HeapRegion first = firstRegion = addRegion(maximumSize > 0 ? maximumSize : Math.max(FIRST_REGION, initial));
        try {
            first.ensureCommitted(initial >>> pageShift, 0);
        } catch (IOException | RuntimeException e) {
            first.region.close();
            throw e;
        }
    }

    long roundUp(long bytes) {
        return (bytes + pageSize - 1) & -pageSize;
    }

    HeapRegion[] regions() {
        return regions;
    }

    /** The region holding {@code address}, or null; safe without the lock. */
    HeapRegion regionOf(long address) {
        for (HeapRegion r : regions) {
            if (Long.compareUnsigned(address - r.base, r.pages << pageShift) < 0) {
                return r;
            }
        }
        return null;
    }

    /** A run of {@code n} pages, committed and taken out of the free runs; null when the heap has no room. */
    FreeRun take(long n) {
        FreeRun run = bySize.ceiling(new FreeRun(null, -1, n));
        if (run == null) {
            HeapRegion grown = grow(n);
            if (grown == null) {
                return null;
            }
            run = grown.free.firstEntry().getValue();
        }
        HeapRegion r = run.region();
        unlink(run);
        if (run.pages() > n) {
            link(new FreeRun(r, run.start() + n, run.pages() - n));
        }
        try {
            r.ensureCommitted(run.start() + n, COMMIT_AHEAD >>> pageShift);
        } catch (IOException e) {
            give(r, run.start(), n);
            return null;
        }
        r.givenBack.clear((int) run.start(), (int) (run.start() + n));
        return new FreeRun(r, run.start(), n);
    }

    /** Gives pages {@code [start, start + n)} of {@code r} back, merged with free neighbours. */
    void give(HeapRegion r, long start, long n) {
        long from = start;
        long to = start + n;
        var lower = r.free.lowerEntry(start);
        if (lower != null && lower.getValue().end() == start) {
            from = lower.getValue().start();
            unlink(lower.getValue());
        }
        FreeRun higher = r.free.get(to);
        if (higher != null) {
            to = higher.end();
            unlink(higher);
        }
        link(new FreeRun(r, from, to - from));
    }

    private void link(FreeRun run) {
        run.region().free.put(run.start(), run);
        bySize.add(run);
    }

    private void unlink(FreeRun run) {
        run.region().free.remove(run.start());
        bySize.remove(run);
    }

    /** A new region (growable heaps) with a free run of at least {@code n} pages; null if the OS refuses. */
    private HeapRegion grow(long n) {
        if (maximumSize > 0) {
            return null;
        }
        HeapRegion[] rs = regions;
        long last = rs[rs.length - 1].pages << pageShift;
        long bytes = Math.max(Math.min(2 * last, REGION_CAP), (n << pageShift) + COMMIT_AHEAD);
        try {
            return addRegion(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private HeapRegion addRegion(long bytes) throws IOException {
        HeapRegion[] rs = regions;
        HeapRegion r = new HeapRegion(rs.length, VirtualMemory.reserve(roundUp(bytes)), arena);
        HeapRegion[] grown = java.util.Arrays.copyOf(rs, rs.length + 1);
        grown[rs.length] = r;
        link(new FreeRun(r, 0, r.pages));
        regions = grown;
        return r;
    }

    /** A span for {@code sizeClass} owned by {@code stripe}, or null when no run fits. */
    Span newSpan(Stripe stripe, int sizeClass) {
        FreeRun run = take(SizeClasses.spanPages(sizeClass, pageSize));
        if (run == null) {
            return null;
        }
        Span span = new Span(run.region(), stripe, sizeClass, run.start(), (int) run.pages());
        run.region().used.put(run.start(), span);
        run.region().setOwner(run.start(), run.end(), span);
        return span;
    }

    void releaseSpan(Span span) {
        HeapRegion r = span.region;
        span.released = true;
        r.setOwner(span.firstPage, span.firstPage + span.pageCount, null);
        r.used.remove(span.firstPage);
        give(r, span.firstPage, span.pageCount);
    }

    /** A page run for a block of {@code size} bytes aligned to {@code alignment}, or null. */
    PageRun newRun(long size, long alignment) {
        long align = Math.max(alignment, BlockHeaderDescriptor.HEADER_SIZE);
        long slack = align > pageSize ? align : 0;
        long bytes = BlockHeaderDescriptor.HEADER_SIZE + slack + size;
        if (bytes < 0 || bytes > Long.MAX_VALUE - pageSize) {
            return null;
        }
        FreeRun run = take(roundUp(bytes) >>> pageShift);
        if (run == null) {
            return null;
        }
        HeapRegion r = run.region();
        long start = run.start() << pageShift;
        long data = ((r.base + start + BlockHeaderDescriptor.HEADER_SIZE + align - 1) & -align) - r.base;
        PageRun block = new PageRun(r, run.start(), run.pages(), data, size);
        r.used.put(run.start(), block);
        r.setOwner(block.dataPage(), block.dataPage() + 1, block);
        runAllocated += size;
        return block;
    }

    void freeRun(PageRun block) {
        HeapRegion r = block.region;
        block.live = false;
        runAllocated -= block.size;
        r.setOwner(block.dataPage(), block.dataPage() + 1, null);
        r.used.remove(block.firstPage);
        give(r, block.firstPage, block.pageCount);
    }

    /** Grows a page run in place over the free run right after it, if that is large enough. */
    boolean growRun(PageRun block, long newSize) {
        HeapRegion r = block.region;
        long needPages = (roundUp(block.dataOffset + newSize) >>> pageShift) - block.firstPage - block.pageCount;
        FreeRun next = r.free.get(block.firstPage + block.pageCount);
        if (next == null || next.pages() < needPages) {
            return false;
        }
        try {
            r.ensureCommitted(next.start() + needPages, COMMIT_AHEAD >>> pageShift);
        } catch (IOException e) {
            return false;
        }
        unlink(next);
        if (next.pages() > needPages) {
            link(new FreeRun(r, next.start() + needPages, next.pages() - needPages));
        }
        r.givenBack.clear((int) next.start(), (int) (next.start() + needPages));
        block.pageCount += needPages;
        return true;
    }

    /** A large block with a region and arena of its own, or null when the OS refuses the memory. */
    @SuppressWarnings("restricted") // the region is committed whole, and the arena closes before it is released
    LargeBlock newLarge(long size, long alignment) {
        Region region;
        try {
            region = VirtualMemory.reserve(roundUp(Math.max(size, 1)), Math.max(alignment, pageSize));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        try {
            region.commit(0, region.size(), Protection.READ_WRITE);
        } catch (IOException e) {
            region.close();
            return null;
        }
        Arena own = confined ? Arena.ofConfined() : Arena.ofShared();
        MemorySegment segment = MemorySegment.ofAddress(region.address()).reinterpret(size, own, null);
        LargeBlock block = new LargeBlock(region, own, largeCount++, size, segment);
        large.put(region.address(), block);
        return block;
    }

    void freeLarge(LargeBlock block) {
        block.arena.close(); // throws, changing nothing, while the block is in use by a native call
        large.remove(block.address());
        block.region.close();
    }

    /** Gives back every free run of at least GIVE_BACK_MIN committed bytes; returns the pages given back. */
    long giveBackFreeRuns() throws IOException {
        long given = 0;
        for (HeapRegion r : regions) {
            for (FreeRun run : r.free.values()) {
                long end = Math.min(run.end(), r.committedPages);
                if ((end - run.start()) << pageShift < GIVE_BACK_MIN) {
                    continue;
                }
                long fresh = (end - run.start()) - r.givenBackIn(run.start(), end);
                if (fresh > 0) {
                    // MADV_DONTNEED: the memory goes back at once, the pages stay mapped and read zero.
                    Platform.current().virtualMemory().resetPages(r.base + (run.start() << pageShift),
                            (end - run.start()) << pageShift);
                    r.givenBack.set((int) run.start(), (int) end);
                    given += fresh;
                }
            }
        }
        return given;
    }

    /** The largest free run still committed (and not given back), in bytes usable by a block. */
    long largestCommittedFree() {
        long best = 0;
        for (HeapRegion r : regions) {
            for (FreeRun run : r.free.values()) {
                long end = Math.min(run.end(), r.committedPages);
                long p = run.start();
                while (p < end) {
                    int gb = r.givenBack.nextSetBit((int) p);
                    long stop = gb < 0 || gb >= end ? end : gb;
                    best = Math.max(best, ((stop - p) << pageShift) - BlockHeaderDescriptor.HEADER_SIZE);
                    p = gb < 0 || gb >= end ? end : Math.max(stop, r.givenBack.nextClearBit(gb));
                }
            }
        }
        return best;
    }

    /** The largest free run, committed or not, in bytes usable by a block (for OutOfMemoryError's message). */
    long largestFree() {
        return bySize.isEmpty() ? 0 : (bySize.last().pages() << pageShift) - BlockHeaderDescriptor.HEADER_SIZE;
    }

    long committedBytes() {
        long pages = 0;
        for (HeapRegion r : regions) {
            pages += r.committedPages - r.givenBack.cardinality();
        }
        long bytes = pages << pageShift;
        for (LargeBlock b : large.values()) {
            bytes += b.region.size();
        }
        return bytes;
    }

    long reservedBytes() {
        long bytes = 0;
        for (HeapRegion r : regions) {
            bytes += r.pages << pageShift;
        }
        for (LargeBlock b : large.values()) {
            bytes += b.region.size();
        }
        return bytes;
    }

    List<LargeBlock> largeBlocks() {
        List<LargeBlock> list = new ArrayList<>(large.values());
        list.sort(Comparator.comparingInt(b -> b.index));
        return list;
    }

    /** Closes the large blocks' arenas and releases every region; the heap's arena is closed already. */
    void releaseAll() {
        for (LargeBlock b : large.values()) {
            b.region.close();
        }
        large.clear();
        for (HeapRegion r : regions) {
            r.region.close();
        }
    }
}
