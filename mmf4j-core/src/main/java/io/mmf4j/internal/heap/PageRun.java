package io.mmf4j.internal.heap;

/**
 * A block that takes a run of pages of a region to itself: blocks above {@link SizeClasses#SMALL_MAX}, blocks
 * aligned to more than 16 bytes, and small blocks when no span fits. Its header sits right in front of its data.
 *
 * <p>Not thread-safe: the {@link PageHeap}'s lock guards it.
 */
final class PageRun {
    final HeapRegion region;
    final long firstPage;
    long pageCount;
    /** The region offset of the block's data. */
    final long dataOffset;
    long size;
    boolean live = true;

    PageRun(HeapRegion region, long firstPage, long pageCount, long dataOffset, long size) {
        this.region = region;
        this.firstPage = firstPage;
        this.pageCount = pageCount;
        this.dataOffset = dataOffset;
        this.size = size;
    }

    /** The bytes the block may grow to without moving. */
    long capacity() {
        return ((firstPage + pageCount) << region.pageShift) - dataOffset;
    }

    long dataPage() {
        return dataOffset >>> region.pageShift;
    }
}
