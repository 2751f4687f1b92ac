package io.mmf4j.internal.heap;

import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapEntryKind;
import io.mmf4j.internal.heap.HeapRegion.FreeRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HeapValidate and HeapWalk of a {@link HeapImpl}: both go through every region's runs of pages in address order.
 * Validation compares every header with the Java-side truth and checks that the runs tile each region and that
 * the counts agree; it reads memory only at headers of slots handed out at least once (committed, never given
 * back), so a corrupted heap is reported, never followed.
 *
 * <p>Stateless; the caller holds all of the heap's locks.
 */
final class HeapInspector {
    private HeapInspector() {}

    static boolean validate(HeapImpl heap) {
        long allocated = 0;
        for (HeapRegion region : heap.pages.regions()) {
            long next = 0;
            for (Map.Entry<Long, Object> e : runs(region).entrySet()) {
                if (e.getKey() != next) {
                    return false; // a gap or an overlap between runs of pages
                }
                Object run = e.getValue();
                if (run instanceof FreeRun free) {
                    next = free.end();
                } else if (run instanceof Span span) {
                    if (span.released || region.owner(span.firstPage) != span) {
                        return false;
                    }
                    int live = 0;
                    for (int slot = 0; slot < span.bumped; slot++) {
                        int size = span.sizes[slot];
                        boolean busy = size != Span.FREE;
                        if (!heap.headerIntact(region, span.dataOffset(slot),
                                busy ? BlockHeaderDescriptor.BUSY : BlockHeaderDescriptor.FREE, busy ? size : 0)) {
                            return false;
                        }
                        if (busy) {
                            live++;
                            allocated += size;
                        }
                    }
                    if (live != span.live || span.bumped - live != span.freeCount()) {
                        return false;
                    }
                    next = span.firstPage + span.pageCount;
                } else {
                    PageRun block = (PageRun) run;
                    if (!block.live || region.owner(block.dataPage()) != block
                            || !heap.headerIntact(region, block.dataOffset, BlockHeaderDescriptor.BUSY, block.size)) {
                        return false;
                    }
                    allocated += block.size;
                    next = block.firstPage + block.pageCount;
                }
            }
            if (next != region.pages) {
                return false;
            }
        }
        long counted = heap.pages.runAllocated;
        for (Stripe stripe : heap.stripes) {
            counted += stripe.allocated;
        }
        return counted == allocated;
    }

    static List<HeapEntry> walk(HeapImpl heap) {
        List<HeapEntry> entries = new ArrayList<>();
        HeapRegion[] regions = heap.pages.regions();
        for (HeapRegion region : regions) {
            int index = region.index;
            entries.add(new HeapEntry(region.base, region.pages << region.pageShift, 0, index, HeapEntryKind.REGION));
            for (Object run : runs(region).values()) {
                if (run instanceof FreeRun free) {
                    walkFree(region, free, entries);
                } else if (run instanceof Span span) {
                    for (int slot = 0; slot < span.bumped; slot++) {
                        long address = region.base + span.dataOffset(slot);
                        int size = span.sizes[slot];
                        entries.add(size == Span.FREE
                                ? new HeapEntry(address, span.classSize, BlockHeaderDescriptor.HEADER_SIZE, index,
                                        HeapEntryKind.FREE)
                                : new HeapEntry(address, size, span.stride - size, index, HeapEntryKind.BUSY));
                    }
                    long tail = span.offset + (long) span.bumped * span.stride;
                    long end = (span.firstPage + span.pageCount) << region.pageShift;
                    if (tail < end) {
                        entries.add(new HeapEntry(region.base + tail, end - tail, 0, index, HeapEntryKind.FREE));
                    }
                } else {
                    PageRun block = (PageRun) run;
                    long bytes = block.pageCount << region.pageShift;
                    entries.add(new HeapEntry(region.base + block.dataOffset, block.size, overhead(bytes - block.size),
                            index, HeapEntryKind.BUSY));
                }
            }
        }
        int index = regions.length;
        for (LargeBlock block : heap.pages.largeBlocks()) {
            entries.add(new HeapEntry(block.address(), block.size, overhead(block.region.size() - block.size),
                    index++, HeapEntryKind.LARGE_BLOCK));
        }
        return entries;
    }

    /** The largest free slot of any span, in bytes. */
    static long largestFreeSlot(HeapImpl heap) {
        long best = 0;
        for (HeapRegion region : heap.pages.regions()) {
            for (Object run : region.used.values()) {
                if (run instanceof Span span && !span.full()) {
                    best = Math.max(best, span.classSize);
                }
            }
        }
        return best;
    }

    /** A free run as FREE (committed) and UNCOMMITTED (given back, or never committed) entries. */
    private static void walkFree(HeapRegion region, FreeRun free, List<HeapEntry> entries) {
        long p = free.start();
        long committedEnd = Math.max(p, Math.min(free.end(), region.committedPages));
        while (p < committedEnd) {
            int given = region.givenBack.nextSetBit((int) p);
            long stop = given < 0 || given >= committedEnd ? committedEnd : given;
            if (stop > p) {
                add(region, p, stop, HeapEntryKind.FREE, entries);
            }
            p = stop < committedEnd ? Math.min(committedEnd, region.givenBack.nextClearBit((int) stop)) : stop;
            if (stop < p) {
                add(region, stop, p, HeapEntryKind.UNCOMMITTED, entries);
            }
        }
        if (committedEnd < free.end()) {
            add(region, committedEnd, free.end(), HeapEntryKind.UNCOMMITTED, entries);
        }
    }

    private static void add(HeapRegion region, long from, long to, HeapEntryKind kind, List<HeapEntry> entries) {
        long address = region.base + (from << region.pageShift);
        long size = (to - from) << region.pageShift;
        HeapEntry last = entries.getLast();
        if (kind == HeapEntryKind.UNCOMMITTED && last.kind() == kind && last.address() + last.size() == address) {
            entries.set(entries.size() - 1, new HeapEntry(last.address(), last.size() + size, 0, region.index, kind));
        } else {
            entries.add(new HeapEntry(address, size, 0, region.index, kind));
        }
    }

    private static TreeMap<Long, Object> runs(HeapRegion region) {
        TreeMap<Long, Object> all = new TreeMap<>(region.used);
        all.putAll(region.free);
        return all;
    }

    private static int overhead(long bytes) {
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }
}
