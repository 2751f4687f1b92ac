package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapSummary;
import io.mmf4j.heap.SharedHeap;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.sync.MutexCore;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link SharedHeap} over one mapping of a heap: the heap mutex (a {@link MutexCore} in the header) around
 * every operation, repair when the mutex comes back abandoned or an undo record is left, and this process's
 * lifecycle (operations in flight finish before the mapping goes).
 *
 * <p>Thread-safe. {@link #close()} waits for the operations in flight in this process, then unmaps.
 */
public final class SharedHeapImpl implements SharedHeap {
    /** What the heap's file or name is held by; closed after the mapping. */
    interface Backing {
        void flush() throws IOException;

        void close() throws IOException;
    }

    /** How long a thread spins for a held heap mutex before it sleeps: many operations' worth. */
    static final long SPIN_NANOS = 20_000;
    /** How long after a waiter's last spin others let it have the mutex first. */
    static final long POLITE_NANOS = 10_000;
    /** How long it then sleeps in the mutex before it spins again. */
    static final long SLEEP_NANOS = 200_000;

    final String description;
    private final Arena arena;
    final BlockSpace space;
    final NameTable names;
    private final Repair repair;
    private final MutexCore mutex;
    private final Backing backing;
    private final NamedBlocks named;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private boolean backingClosed; // guarded by this

    SharedHeapImpl(String description, Arena arena, MemorySegment heap, Backing backing) {
        this.description = description;
        this.arena = arena;
        this.space = BlockSpace.open(heap, description);
        this.names = new NameTable(space);
        this.repair = new Repair(space, names);
        this.mutex = new MutexCore(heap.asSlice(MUTEX_OFFSET, 64));
        this.backing = backing;
        this.named = new NamedBlocks(this);
    }

    @Override
    public long capacity() {
        return space.size;
    }

    void enter() {
        inFlight.incrementAndGet();
        if (closed) {
            inFlight.decrementAndGet();
            throw new IllegalStateException(description + " is closed");
        }
    }

    void exit() {
        inFlight.decrementAndGet();
    }

    /** Takes the heap mutex (entered already); repairs the heap if its last holder died or left an undo record. */
    void lock() {
        long lastSpin = Cells.get(space.heap, LAST_SPIN_OFFSET);
        if (lastSpin != 0 && System.nanoTime() - lastSpin < POLITE_NANOS) {
            yieldToSpinner(); // someone waits for the mutex now: let it have the next turn
        }
        int result = mutex.tryAcquireFree();
        if (result == MutexCore.TIMED_OUT) {
            result = lockContended();
        }
        if (result == MutexCore.ACQUIRED_ABANDONED || Cells.getInt(space.heap, INTENT_OP_OFFSET) != OP_NONE) {
            try {
                repair.run();
            } catch (RuntimeException | Error e) {
                mutex.release();
                throw e;
            }
        }
    }

    /**
     * The mutex is held. Heap operations are short, so the caller spins for it ({@link #SPIN_NANOS}, yielding now
     * and then to a holder that waits for this CPU), then sleeps in the mutex for at most
     * {@link #SLEEP_NANOS} (the mutex takes over a dead holder's lock there), and spins again: a waiter that only
     * slept would lose nearly every race to a process that frees and takes the mutex in a loop.
     */
    private int lockContended() {
        int rounds = 0;
        while (true) {
            long start = System.nanoTime();
            do {
                Cells.put(space.heap, LAST_SPIN_OFFSET, System.nanoTime());
                for (int i = 0; i < 64; i++) {
                    if (mutex.looksFree()) {
                        int result = mutex.tryAcquireFree();
                        if (result != MutexCore.TIMED_OUT) {
                            Cells.put(space.heap, LAST_SPIN_OFFSET, 0);
                            return result;
                        }
                    }
                    Thread.onSpinWait();
                }
                if ((++rounds & 15) == 0) {
                    Thread.yield();
                }
            } while (System.nanoTime() - start < SPIN_NANOS);
            try {
                int result = mutex.acquire(SLEEP_NANOS, false);
                if (result != MutexCore.TIMED_OUT) {
                    return result;
                }
            } catch (InterruptedException impossible) {
                throw new AssertionError(impossible);
            }
        }
    }

    /**
     * A waiter spun for the mutex moments ago, and this thread comes to take it again (most often: it just freed
     * it): while the mutex stays free, give the waiter up to {@link #POLITE_NANOS} to take it. A waiter that died
     * or gave up stops refreshing LAST_SPIN, and after POLITE_NANOS nobody defers to it any more.
     */
    private void yieldToSpinner() {
        long start = System.nanoTime();
        while (mutex.looksFree() && System.nanoTime() - start < POLITE_NANOS) {
            Thread.onSpinWait();
        }
    }

    void unlock() {
        mutex.release();
    }

    /** Starts an operation's undo record: its blocks first, then the op (the record is void while OP is NONE). */
    void intend(int op, long a, long b) {
        Cells.put(space.heap, INTENT_A_OFFSET, a);
        Cells.put(space.heap, INTENT_B_OFFSET, b);
        Cells.putInt(space.heap, INTENT_OP_OFFSET, op);
    }

    void done() {
        Cells.putInt(space.heap, INTENT_OP_OFFSET, OP_NONE);
    }

    @Override
    public long allocate(long size) {
        long handle = tryAllocate(size);
        if (handle == 0) {
            throw new OutOfMemoryError(description + ": cannot allocate " + size + " bytes (capacity " + space.size
                    + ", " + summary().allocated() + " allocated)");
        }
        return handle;
    }

    @Override
    public long tryAllocate(long size) {
        Checks.nonNegative(size, "size");
        if (size > space.size) {
            return 0;
        }
        long need = BlockSpace.blockSizeFor(size);
        enter();
        try {
            lock();
            try {
                long b = takeBlock(need, BUSY, size);
                if (b == 0) {
                    return 0;
                }
                space.setBit(b, true);
                space.addCounters(size, 1);
                done();
                return b + BLOCK_HEADER;
            } finally {
                unlock();
            }
        } finally {
            exit();
        }
    }

    /**
     * Takes a block under an undo record of OP_ALLOCATE (or the caller's own record when {@code state} is ENTRY or
     * a bind's data block); when nothing fits and blocks were freed since the last coalescing, coalesces and
     * tries once more. 0 when nothing fits (the record is then cleared).
     */
    long takeBlock(long need, int state, long request) {
        return takeBlock(need, state, request, OP_ALLOCATE, INTENT_A_OFFSET);
    }

    long takeBlock(long need, int state, long request, int op, long slot) {
        if (op == OP_ALLOCATE) {
            intend(OP_ALLOCATE, 0, 0);
        }
        long b = space.take(need, state, request, slot);
        if (b == 0 && Cells.get(space.heap, FREES_OFFSET) > 0) {
            long a = Cells.get(space.heap, INTENT_A_OFFSET);
            done(); // no block of this record must be freed by the coalescing: a bind's first block stays busy
            repair.run();
            intend(op, op == OP_ALLOCATE ? 0 : a, 0);
            b = space.take(need, state, request, slot);
        }
        if (b == 0 && op == OP_ALLOCATE) {
            done();
        }
        return b;
    }

    @Override
    public void free(long handle) {
        enter();
        try {
            lock();
            try {
                long b = space.blockOf(handle);
                if (b < 0) {
                    throw new IllegalArgumentException("handle " + handle + " is not a live block of " + description);
                }
                long word = Cells.get(space.heap, b);
                if ((word & STATE_MASK) == BUSY_NAMED) {
                    named.freeNamed(b);
                } else {
                    intend(OP_FREE, b, 0);
                    releaseBusy(b);
                    done();
                }
            } finally {
                unlock();
            }
        } finally {
            exit();
        }
    }

    /** Frees busy user block {@code b}: bitmap, counters, free list (the undo record names it). */
    void releaseBusy(long b) {
        long request = space.request(b);
        space.setBit(b, false);
        space.release(b, Cells.get(space.heap, b) & SIZE_MASK);
        space.addCounters(-request, -1);
        Cells.put(space.heap, FREES_OFFSET, Cells.get(space.heap, FREES_OFFSET) + 1);
    }

    /** The block of a live handle, with the mutex held; IllegalArgumentException otherwise. */
    long liveBlock(long handle) {
        long b = space.blockOf(handle);
        if (b < 0) {
            throw new IllegalArgumentException("handle " + handle + " is not a live block of " + description);
        }
        return b;
    }

    @Override
    public long sizeOf(long handle) {
        enter();
        try {
            lock();
            try {
                return space.request(liveBlock(handle));
            } finally {
                unlock();
            }
        } finally {
            exit();
        }
    }

    @Override
    public MemorySegment segment(long handle) {
        return space.heap.asSlice(handle, sizeOf(handle));
    }

    @Override
    public long findOrCreate(String name, long size, Consumer<MemorySegment> initializer) {
        return named.findOrCreate(name, size, initializer);
    }

    @Override
    public long lookup(String name) {
        return named.lookup(name);
    }

    @Override
    public boolean unbind(String name) {
        return named.unbind(name);
    }

    @Override
    public Map<String, Long> names() {
        return named.names();
    }

    @Override
    public boolean validate() {
        return inspect(inspector -> inspector.validate());
    }

    @Override
    public List<HeapEntry> walk() {
        return inspect(Inspector::walk);
    }

    @Override
    public HeapSummary summary() {
        return inspect(inspector -> {
            long allocated = Cells.get(space.heap, ALLOCATED_OFFSET);
            return new HeapSummary(allocated, space.size, space.size, space.size);
        });
    }

    private <T> T inspect(java.util.function.Function<Inspector, T> what) {
        enter();
        try {
            lock();
            try {
                return what.apply(new Inspector(space, names));
            } finally {
                unlock();
            }
        } finally {
            exit();
        }
    }

    @Override
    public void flush() throws IOException {
        enter();
        try {
            backing.flush();
        } finally {
            exit();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (backingClosed) {
                return;
            }
            backingClosed = true;
            closed = true;
        }
        while (inFlight.get() != 0) {
            Thread.onSpinWait();
            Thread.yield();
        }
        try {
            mutex.close();
            arena.close();
        } finally {
            backing.close();
        }
    }

    @Override
    public String toString() {
        return description;
    }
}
