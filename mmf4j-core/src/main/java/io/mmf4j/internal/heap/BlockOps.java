package io.mmf4j.internal.heap;

import static io.mmf4j.internal.heap.HeapImpl.lock;
import static io.mmf4j.internal.heap.HeapImpl.unlock;

import io.mmf4j.internal.Checks;
import java.lang.foreign.MemorySegment;

/**
 * The operations on one block of a {@link HeapImpl}: free, size, validate, resize in place. Each finds the block
 * from its segment — the heap's scope, a region holding its address, the span or page run owning that page (or
 * the large block at that address), the exact data start and the exact size — and acts under the owner's lock.
 * Anything else is not a live block: {@code IllegalArgumentException}, and nothing changes.
 *
 * <p>Stateless; thread-safety as the heap's.
 */
final class BlockOps {
    private BlockOps() {}

    static void free(HeapImpl heap, MemorySegment block) {
        Object owner = owner(heap, block);
        if (owner instanceof Span span) {
            Stripe stripe = span.stripe;
            lock(stripe.lock);
            try {
                heap.checkOpen();
                int slot = slot(heap, span, block);
                span.give(slot);
                stripe.allocated -= block.byteSize();
                heap.header(span.region, span.dataOffset(slot), BlockHeaderDescriptor.FREE, 0);
                stripe.freed(span, heap.pages, heap.pagesLock);
            } finally {
                unlock(stripe.lock);
            }
        } else if (owner instanceof PageRun run) {
            lock(heap.pagesLock);
            try {
                heap.checkOpen();
                check(heap, run, block);
                heap.pages.freeRun(run);
            } finally {
                unlock(heap.pagesLock);
            }
        } else if (owner instanceof LargeBlock large) {
            lock(heap.pagesLock);
            try {
                heap.checkOpen();
                check(heap, large, block);
                heap.pages.freeLarge(large);
            } finally {
                unlock(heap.pagesLock);
            }
        } else {
            throw notABlock(heap, block);
        }
    }

    static long size(HeapImpl heap, MemorySegment block) {
        Object owner = owner(heap, block);
        if (owner instanceof Span span) {
            lock(span.stripe.lock);
            try {
                heap.checkOpen();
                return span.sizes[slot(heap, span, block)];
            } finally {
                unlock(span.stripe.lock);
            }
        }
        lock(heap.pagesLock);
        try {
            heap.checkOpen();
            if (owner instanceof PageRun run) {
                check(heap, run, block);
                return run.size;
            } else if (owner instanceof LargeBlock large) {
                check(heap, large, block);
                return large.size;
            }
            throw notABlock(heap, block);
        } finally {
            unlock(heap.pagesLock);
        }
    }

    static boolean validate(HeapImpl heap, MemorySegment block) {
        Checks.notNull(block, "block");
        try {
            Object owner = owner(heap, block);
            if (owner instanceof Span span) {
                lock(span.stripe.lock);
                try {
                    heap.checkOpen();
                    int slot = slot(heap, span, block);
                    return heap.headerIntact(span.region, span.dataOffset(slot), BlockHeaderDescriptor.BUSY,
                            span.sizes[slot]);
                } finally {
                    unlock(span.stripe.lock);
                }
            }
            lock(heap.pagesLock);
            try {
                heap.checkOpen();
                if (owner instanceof PageRun run) {
                    check(heap, run, block);
                    return heap.headerIntact(run.region, run.dataOffset, BlockHeaderDescriptor.BUSY, run.size);
                } else if (owner instanceof LargeBlock large) {
                    check(heap, large, block);
                    return true;
                }
                return false;
            } finally {
                unlock(heap.pagesLock);
            }
        } catch (IllegalArgumentException notLive) {
            return false;
        }
    }

    /** The block resized without moving, or {@code MemorySegment.NULL} when it cannot be. */
    @SuppressWarnings("restricted") // a large block's region is committed whole; newSize is within it
    static MemorySegment resizeInPlace(HeapImpl heap, MemorySegment block, long newSize) {
        Object owner = owner(heap, block);
        if (owner instanceof Span span) {
            lock(span.stripe.lock);
            try {
                heap.checkOpen();
                int slot = slot(heap, span, block);
                if (newSize > span.classSize) {
                    return MemorySegment.NULL;
                }
                int old = span.sizes[slot];
                span.sizes[slot] = (int) newSize;
                span.stripe.allocated += newSize - old;
                return resized(heap, span.region, span.dataOffset(slot), old, newSize);
            } finally {
                unlock(span.stripe.lock);
            }
        }
        lock(heap.pagesLock);
        try {
            heap.checkOpen();
            if (owner instanceof PageRun run) {
                check(heap, run, block);
                if (newSize > run.capacity() && !heap.pages.growRun(run, newSize)) {
                    return MemorySegment.NULL;
                }
                long old = run.size;
                run.size = newSize;
                heap.pages.runAllocated += newSize - old;
                return resized(heap, run.region, run.dataOffset, old, newSize);
            } else if (owner instanceof LargeBlock large) {
                check(heap, large, block);
                if (newSize > large.region.size()) {
                    return MemorySegment.NULL;
                }
                long old = large.size;
                large.size = newSize;
                large.segment = MemorySegment.ofAddress(large.address()).reinterpret(newSize, large.arena, null);
                if (heap.zeroMemory() && newSize > old) {
                    large.segment.asSlice(old).fill((byte) 0);
                }
                return large.segment;
            }
            throw notABlock(heap, block);
        } finally {
            unlock(heap.pagesLock);
        }
    }

    private static MemorySegment resized(HeapImpl heap, HeapRegion region, long offset, long old, long newSize) {
        heap.header(region, offset, BlockHeaderDescriptor.BUSY, newSize);
        MemorySegment segment = region.all.asSlice(offset, newSize);
        if (heap.zeroMemory() && newSize > old) {
            segment.asSlice(old).fill((byte) 0);
        }
        return segment;
    }

    /** The span, page run or large block {@code block} would belong to, or null; not yet checked. */
    private static Object owner(HeapImpl heap, MemorySegment block) {
        Checks.notNull(block, "block");
        return ownerAt(heap, block.address(), block.scope());
    }

    /** As {@link #owner}, by address; {@code scope} null for any scope. */
    private static Object ownerAt(HeapImpl heap, long address, MemorySegment.Scope scope) {
        heap.checkThread();
        if (heap.closedRacy()) {
            heap.checkOpen();
        }
        if (scope == null || scope.equals(heap.scope())) {
            HeapRegion region = heap.pages.regionOf(address);
            if (region != null) {
                long page = (address - region.base) >>> region.pageShift;
                Object owner = region.owner(page);
                if (owner == null) { // maybe not yet visible to this thread: look again under the lock
                    lock(heap.pagesLock);
                    try {
                        owner = region.owner(page);
                    } finally {
                        unlock(heap.pagesLock);
                    }
                }
                return owner;
            }
            if (scope != null) {
                return null;
            }
        }
        lock(heap.pagesLock);
        try {
            LargeBlock large = heap.pages.large.get(address);
            return large != null && (scope == null || large.arena.scope().equals(scope)) ? large : null;
        } finally {
            unlock(heap.pagesLock);
        }
    }

    /** The segment of the live block whose data starts at {@code address}. */
    static MemorySegment at(HeapImpl heap, long address) {
        Object owner = ownerAt(heap, address, null);
        if (owner instanceof Span span) {
            lock(span.stripe.lock);
            try {
                heap.checkOpen();
                long offset = address - span.region.base;
                int slot = span.released ? -1 : span.slotOf(offset);
                if (slot >= 0 && span.sizes[slot] != Span.FREE) {
                    return span.region.all.asSlice(offset, span.sizes[slot]);
                }
            } finally {
                unlock(span.stripe.lock);
            }
        } else if (owner != null) {
            lock(heap.pagesLock);
            try {
                heap.checkOpen();
                if (owner instanceof PageRun run && run.live && run.dataOffset == address - run.region.base) {
                    return run.region.all.asSlice(run.dataOffset, run.size);
                } else if (owner instanceof LargeBlock large && heap.pages.large.get(address) == large) {
                    return large.segment;
                }
            } finally {
                unlock(heap.pagesLock);
            }
        }
        throw new IllegalArgumentException("no live block of " + heap + " starts at 0x" + Long.toHexString(address));
    }

    /** The live slot of {@code span} that {@code block} is, exactly; else IllegalArgumentException. */
    private static int slot(HeapImpl heap, Span span, MemorySegment block) {
        int slot = span.released ? -1 : span.slotOf(block.address() - span.region.base);
        if (slot < 0 || span.sizes[slot] != block.byteSize()) {
            throw notABlock(heap, block);
        }
        return slot;
    }

    private static void check(HeapImpl heap, PageRun run, MemorySegment block) {
        if (!run.live || run.dataOffset != block.address() - run.region.base || run.size != block.byteSize()) {
            throw notABlock(heap, block);
        }
    }

    private static void check(HeapImpl heap, LargeBlock large, MemorySegment block) {
        if (heap.pages.large.get(large.address()) != large || large.size != block.byteSize()) {
            throw notABlock(heap, block);
        }
    }

    private static IllegalArgumentException notABlock(HeapImpl heap, MemorySegment block) {
        return new IllegalArgumentException("not a live block of " + heap + ": the segment at 0x"
                + Long.toHexString(block.address()) + " of " + block.byteSize() + " bytes (a block freed already, "
                + "resized, a slice of a block, a foreign segment or MemorySegment.NULL)");
    }
}
