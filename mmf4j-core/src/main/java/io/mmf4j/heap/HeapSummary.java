package io.mmf4j.heap;

/**
 * How much memory a heap uses, as Win32's HEAP_SUMMARY.
 *
 * @param allocated      bytes in live blocks, as {@code sizeOf} counts them
 * @param committed      bytes of committed memory the heap holds, live blocks, free blocks and bookkeeping
 * @param reserved       bytes of address space the heap has reserved, committed or not
 * @param maximumReserve a fixed heap's reservation; 0 for a growable heap
 */
public record HeapSummary(long allocated, long committed, long reserved, long maximumReserve) {
    /** Checks that no figure is negative. */
    public HeapSummary {
        if (allocated < 0 || committed < 0 || reserved < 0 || maximumReserve < 0) {
            throw new IllegalArgumentException("negative figure in heap summary: allocated " + allocated
                    + ", committed " + committed + ", reserved " + reserved + ", maximum " + maximumReserve);
        }
    }
}
