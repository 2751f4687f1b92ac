package io.mmf4j.internal.heap;

import static io.mmf4j.internal.heap.BlockHeaderDescriptor.HEADER_SIZE;
import static io.mmf4j.internal.heap.BlockHeaderDescriptor.WORD_OFFSET;

import io.mmf4j.heap.Heap;
import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapOption;
import io.mmf4j.heap.HeapSummary;
import io.mmf4j.internal.Checks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The implementation of {@link Heap}: size-class spans in {@linkplain Stripe stripes} for small blocks, page runs
 * best fit for medium ones and regions of their own for large ones ({@link PageHeap}); the whole design is in the
 * README's heaps section.
 *
 * <p>Every block of the heap's regions is a slice of one segment per region, all bound to the heap's one arena:
 * handing a block out creates no arena, and {@link #close()} closes that arena, which makes every block's segment
 * invalid at once (a handshake with all threads for a shared arena, so that no access is under way when the pages
 * go). A block is told from its segment by scope, address and size, checked against the Java-side state of its
 * span or run — never by what memory says.
 *
 * <p>Thread-safe unless NO_SERIALIZE (then confined to its maker; checked on every call). Lock order: a stripe's
 * lock, then the page lock; only {@link #lockAll} takes several stripes, in index order.
 */
public final class HeapImpl implements Heap {
    private static final long MAX_FIXED = 1L << 42;

    private final Arena arena;
    private final MemorySegment.Scope scope;
    private final boolean zero;
    private final boolean process;
    private final Thread owner;
    final PageHeap pages;
    final ReentrantLock pagesLock;
    final Stripe[] stripes;
    private final int stripeMask;
    final long secret = new SecureRandom().nextLong();
    private boolean closed;

    private HeapImpl(long initialSize, long maximumSize, EnumSet<HeapOption> options, boolean process)
            throws IOException {
        boolean serialised = !options.contains(HeapOption.NO_SERIALIZE);
        this.zero = options.contains(HeapOption.ZERO_MEMORY);
        this.process = process;
        this.owner = serialised ? null : Thread.currentThread();
        this.arena = serialised ? Arena.ofShared() : Arena.ofConfined();
        this.scope = arena.scope();
        int n = serialised ? Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 4 - 1)
                : 1;
        this.stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            stripes[i] = new Stripe(serialised);
        }
        this.stripeMask = n - 1;
        this.pagesLock = serialised ? new ReentrantLock() : null;
        try {
            this.pages = new PageHeap(arena, !serialised, initialSize, maximumSize);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    public static Heap create(long initialSize, long maximumSize, HeapOption... options) {
        Checks.nonNegative(initialSize, "initialSize");
        Checks.nonNegative(maximumSize, "maximumSize");
        EnumSet<HeapOption> set = EnumSet.noneOf(HeapOption.class);
        for (HeapOption option : Checks.notNull(options, "options")) {
            set.add(Checks.notNull(option, "option"));
        }
        if (maximumSize > MAX_FIXED) {
            throw new IllegalArgumentException("maximumSize is larger than a fixed heap may be (" + MAX_FIXED
                    + "): " + maximumSize);
        }
        if (maximumSize > 0 && initialSize > maximumSize) {
            throw new IllegalArgumentException("initialSize " + initialSize + " is larger than maximumSize "
                    + maximumSize);
        }
        try {
            return new HeapImpl(initialSize, maximumSize, set, false);
        } catch (IOException e) {
            OutOfMemoryError oom = new OutOfMemoryError("cannot create a heap of initial size " + initialSize
                    + " and maximum size " + maximumSize + ": " + e.getMessage());
            oom.initCause(e);
            throw oom;
        }
    }

    public static Heap processHeap() {
        return ProcessHeap.HEAP;
    }

    private static final class ProcessHeap {
        static final HeapImpl HEAP;

        static {
            try {
                HEAP = new HeapImpl(0, 0, EnumSet.noneOf(HeapOption.class), true);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reserve the process heap", e);
            }
        }
    }

    // ---- allocation ----------------------------------------------------------------------------------------

    @Override
    public MemorySegment allocate(long byteSize, long byteAlignment) {
        if (byteSize >= 0 && byteSize <= SizeClasses.SMALL_MAX && byteAlignment > 0
                && byteAlignment <= HEADER_SIZE && (byteAlignment & (byteAlignment - 1)) == 0) {
            MemorySegment block = allocateSmall(byteSize);
            if (block != null) {
                return block;
            }
        }
        MemorySegment block = tryAllocate(byteSize, byteAlignment);
        if (block.equals(MemorySegment.NULL)) {
            throw outOfMemory(byteSize, byteAlignment);
        }
        return block;
    }

    @Override
    public MemorySegment tryAllocate(long byteSize) {
        return tryAllocate(byteSize, 16);
    }

    private MemorySegment tryAllocate(long size, long alignment) {
        if (size < 0) {
            throw new IllegalArgumentException("byteSize must not be negative: " + size);
        }
        if (alignment <= 0 || (alignment & (alignment - 1)) != 0) {
            throw new IllegalArgumentException("byteAlignment must be a power of two: " + alignment);
        }
        checkThread();
        if (size <= SizeClasses.SMALL_MAX && alignment <= HEADER_SIZE) {
            MemorySegment block = allocateSmall(size);
            if (block != null) {
                return block;
            }
        }
        return allocatePages(size, alignment);
    }

    /** A small block from the calling thread's stripe; null when no span can be had (a full fixed heap). */
    private MemorySegment allocateSmall(long size) {
        checkThread();
        int sizeClass = SizeClasses.classOf(size);
        Stripe stripe = stripes[(int) Thread.currentThread().threadId() & stripeMask];
        ReentrantLock lock = stripe.lock;
        if (lock != null) {
            lock.lock();
        }
        try {
            if (closed) {
                throw closedException();
            }
            Span span = stripe.current[sizeClass];
            int slot;
            if (span == null || (slot = span.take()) < 0) {
                span = stripe.refill(sizeClass, pages, pagesLock);
                if (span == null) {
                    return null;
                }
                slot = span.take();
            }
            span.sizes[slot] = (int) size;
            stripe.allocated += size;
            return handOut(span.region, span.dataOffset(slot), size);
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private MemorySegment allocatePages(long size, long alignment) {
        lock(pagesLock);
        try {
            checkOpen();
            if (pages.maximumSize == 0 && size >= PageHeap.LARGE_BLOCK) {
                LargeBlock block = pages.newLarge(size, alignment);
                return block == null ? MemorySegment.NULL : block.segment;
            }
            PageRun run = pages.newRun(size, alignment);
            return run == null ? MemorySegment.NULL : handOut(run.region, run.dataOffset, size);
        } finally {
            unlock(pagesLock);
        }
    }

    private MemorySegment handOut(HeapRegion region, long offset, long size) {
        MemorySegment withHeader = region.all.asSlice(offset - HEADER_SIZE, size + HEADER_SIZE);
        withHeader.set(ValueLayout.JAVA_LONG, WORD_OFFSET,
                BlockHeaderDescriptor.word(BlockHeaderDescriptor.BUSY, size, region.base + offset, secret));
        MemorySegment block = withHeader.asSlice(HEADER_SIZE);
        if (zero) {
            block.fill((byte) 0);
        }
        return block;
    }

    private void writeHeader(HeapRegion region, long offset, int state, long size) {
        region.all.set(ValueLayout.JAVA_LONG, offset - HEADER_SIZE + WORD_OFFSET,
                BlockHeaderDescriptor.word(state, size, region.base + offset, secret));
    }

    private OutOfMemoryError outOfMemory(long size, long alignment) {
        long largest;
        lock(pagesLock);
        try {
            largest = pages.largestFree();
        } finally {
            unlock(pagesLock);
        }
        return new OutOfMemoryError(this + ": no room for a block of " + size + " bytes aligned to " + alignment
                + "; the largest free block is " + largest + " bytes");
    }

    // ---- blocks --------------------------------------------------------------------------------------------

    @Override
    public void free(MemorySegment block) {
        if (block == null) {
            throw new NullPointerException("block must not be null");
        }
        if (!freeSmall(block)) {
            BlockOps.free(this, block); // page runs, large blocks, and the refusals with their messages
        }
    }

    /** The fast path of free: a live small block of the first region; false for anything else, changing nothing. */
    private boolean freeSmall(MemorySegment block) {
        HeapRegion region = pages.firstRegion;
        long offset = block.address() - region.base;
        if (offset < 0 || offset >= region.bytes || (owner != null && Thread.currentThread() != owner)
                || !block.scope().equals(scope) || !(region.owner(offset >>> region.pageShift) instanceof Span span)) {
            return false;
        }
        Stripe stripe = span.stripe;
        ReentrantLock lock = stripe.lock;
        if (lock != null) {
            lock.lock();
        }
        try {
            int slot;
            if (closed || span.released || (slot = span.slotOf(offset)) < 0
                    || span.sizes[slot] != block.byteSize()) {
                return false;
            }
            span.give(slot);
            stripe.allocated -= block.byteSize();
            writeHeader(region, offset, BlockHeaderDescriptor.FREE, 0);
            stripe.freed(span, pages, pagesLock);
            return true;
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    @Override
    public MemorySegment blockAt(long address) {
        return BlockOps.at(this, address);
    }

    @Override
    public long sizeOf(MemorySegment block) {
        return BlockOps.size(this, block);
    }

    @Override
    public boolean validate(MemorySegment block) {
        return BlockOps.validate(this, block);
    }

    @Override
    public MemorySegment reallocateInPlace(MemorySegment block, long newSize) {
        Checks.nonNegative(newSize, "newSize");
        return BlockOps.resizeInPlace(this, block, newSize);
    }

    @Override
    public MemorySegment reallocate(MemorySegment block, long newSize) {
        Checks.nonNegative(newSize, "newSize");
        MemorySegment resized = BlockOps.resizeInPlace(this, block, newSize);
        if (!resized.equals(MemorySegment.NULL)) {
            return resized;
        }
        MemorySegment moved = allocate(newSize);
        try {
            MemorySegment.copy(block, 0, moved, 0, Math.min(block.byteSize(), newSize));
            free(block);
        } catch (RuntimeException e) {
            free(moved);
            throw e;
        }
        return moved;
    }

    // ---- for BlockOps --------------------------------------------------------------------------------------

    MemorySegment.Scope scope() {
        return scope;
    }

    boolean zeroMemory() {
        return zero;
    }

    /** Rewrites a block's header after it was freed or resized. */
    void header(HeapRegion region, long offset, int magic, long size) {
        writeHeader(region, offset, magic, size);
    }

    /** Whether the header in front of {@code offset} is the one the heap wrote for that state. */
    boolean headerIntact(HeapRegion region, long offset, int state, long size) {
        return region.all.get(ValueLayout.JAVA_LONG, offset - HEADER_SIZE + WORD_OFFSET)
                == BlockHeaderDescriptor.word(state, size, region.base + offset, secret);
    }

    // ---- the whole heap ------------------------------------------------------------------------------------

    @Override
    public boolean validate() {
        lockAll();
        try {
            checkOpen();
            return HeapInspector.validate(this);
        } finally {
            unlockAll();
        }
    }

    @Override
    public List<HeapEntry> walk() {
        lockAll();
        try {
            checkOpen();
            return HeapInspector.walk(this);
        } finally {
            unlockAll();
        }
    }

    @Override
    public long compact() {
        lockAll();
        try {
            checkOpen();
            for (Stripe stripe : stripes) {
                stripe.releaseEmpty(pages);
            }
            pages.giveBackFreeRuns();
            return Math.max(pages.largestCommittedFree(), HeapInspector.largestFreeSlot(this));
        } catch (IOException e) {
            throw new UncheckedIOException("compact: giving free pages back failed", e);
        } finally {
            unlockAll();
        }
    }

    @Override
    public HeapSummary summary() {
        lockAll();
        try {
            checkOpen();
            long allocated = pages.runAllocated;
            for (Stripe stripe : stripes) {
                allocated += stripe.allocated;
            }
            for (LargeBlock block : pages.large.values()) {
                allocated += block.size;
            }
            return new HeapSummary(allocated, pages.committedBytes(), pages.reservedBytes(), pages.maximumSize);
        } finally {
            unlockAll();
        }
    }

    @Override
    public long maximumSize() {
        return pages.maximumSize;
    }

    @Override
    public void close() {
        if (process) {
            throw new UnsupportedOperationException("the process heap lives as long as the JVM; it cannot be closed");
        }
        lockAll();
        try {
            if (closed) {
                return;
            }
            try {
                arena.close();
            } catch (IllegalStateException e) {
                throw new IllegalStateException(this + ": a block is in use by a native call; the heap stays open", e);
            }
            closed = true;
            pages.large.values().removeIf(block -> {
                try {
                    block.arena.close();
                    return false;
                } catch (IllegalStateException e) {
                    return true; // in a native call: its pages stay mapped (leaked) rather than fault
                }
            });
            pages.releaseAll();
        } finally {
            unlockAll();
        }
    }

    @Override
    public String toString() {
        return (process ? "ProcessHeap" : "Heap") + "[" + (pages.maximumSize > 0 ? "fixed " + pages.maximumSize
                : "growable") + (owner != null ? ", NO_SERIALIZE" : "") + (zero ? ", ZERO_MEMORY" : "") + ", 0x"
                + Long.toHexString(pages.regions()[0].base) + "]";
    }

    // ---- locks and checks ----------------------------------------------------------------------------------

    void checkThread() {
        if (owner != null && Thread.currentThread() != owner) {
            throw new WrongThreadException(this + " is confined to thread \"" + owner.getName()
                    + "\" (NO_SERIALIZE)");
        }
    }

    boolean closedRacy() {
        return closed;
    }

    void checkOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private IllegalStateException closedException() {
        return new IllegalStateException(this + " is closed");
    }

    static void lock(ReentrantLock lock) {
        if (lock != null) {
            lock.lock();
        }
    }

    static void unlock(ReentrantLock lock) {
        if (lock != null) {
            lock.unlock();
        }
    }

    private void lockAll() {
        checkThread();
        for (Stripe stripe : stripes) {
            lock(stripe.lock);
        }
        lock(pagesLock);
    }

    private void unlockAll() {
        unlock(pagesLock);
        for (int i = stripes.length - 1; i >= 0; i--) {
            unlock(stripes[i].lock);
        }
    }
}
