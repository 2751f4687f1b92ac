package io.mmf4j.internal.heap;

/**
 * A run of pages holding the slots of one size class, owned by one {@link Stripe}. Each slot is a 16-byte header
 * and the class's bytes. The state of every slot lives here, on the Java heap — {@code sizes[slot]} is the live
 * block's size or {@link #FREE} — and the free slots are a stack of indexes, so a program writing into freed
 * memory can never make the heap hand out a slot twice.
 *
 * <p>Not thread-safe: the owning stripe's lock guards it ({@link #stripe} and the geometry are final).
 */
final class Span {
    static final int FREE = -1;

    final HeapRegion region;
    final Stripe stripe;
    final int sizeClass;
    /** The first page, in the region. */
    final long firstPage;
    final int pageCount;
    /** The region offset of slot 0's header. */
    final long offset;
    final int stride;
    final int classSize;
    final int capacity;
    private final long reciprocal;
    final int[] sizes;
    private final int[] freeSlots;
    private int freeTop;
    /** Slots below this were handed out at least once; above it, never touched. */
    int bumped;
    int live;
    Span prev;
    Span next;
    boolean listed;
    boolean released;

    Span(HeapRegion region, Stripe stripe, int sizeClass, long firstPage, int pageCount) {
        this.region = region;
        this.stripe = stripe;
        this.sizeClass = sizeClass;
        this.firstPage = firstPage;
        this.pageCount = pageCount;
        this.offset = firstPage << region.pageShift;
        this.stride = SizeClasses.stride(sizeClass);
        this.classSize = SizeClasses.size(sizeClass);
        this.capacity = (int) (((long) pageCount << region.pageShift) / stride);
        this.reciprocal = Long.divideUnsigned(-1L, stride) + 1;
        this.sizes = new int[capacity];
        this.freeSlots = new int[capacity];
        java.util.Arrays.fill(sizes, FREE);
    }

    /** A free slot (now counted live), or -1 when the span is full. */
    int take() {
        int slot;
        if (freeTop > 0) {
            slot = freeSlots[--freeTop];
        } else if (bumped < capacity) {
            slot = bumped++;
        } else {
            return -1;
        }
        live++;
        return slot;
    }

    void give(int slot) {
        sizes[slot] = FREE;
        freeSlots[freeTop++] = slot;
        live--;
    }

    boolean full() {
        return freeTop == 0 && bumped == capacity;
    }

    /** The region offset of a slot's data. */
    long dataOffset(int slot) {
        return offset + (long) slot * stride + BlockHeaderDescriptor.HEADER_SIZE;
    }

    /** The slot whose data starts at region offset {@code dataOffset}, or -1 if none does. */
    int slotOf(long dataOffset) {
        long rel = dataOffset - offset - BlockHeaderDescriptor.HEADER_SIZE;
        if (rel < 0 || rel >= (long) capacity * stride) {
            return -1;
        }
        long slot = Math.unsignedMultiplyHigh(reciprocal, rel);
        return slot * stride == rel ? (int) slot : -1;
    }

    /** The free-slot count, for validation. */
    int freeCount() {
        return freeTop;
    }
}
