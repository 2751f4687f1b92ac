package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import io.mmf4j.internal.Checks;
import io.mmf4j.internal.sync.MutexCore;
import java.lang.foreign.MemorySegment;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The named blocks of a {@link SharedHeapImpl}: {@code findOrCreate} with its one-initialiser protocol,
 * {@code lookup}, {@code unbind}, {@code names}, and the freeing of a named block.
 *
 * <p>An entry's OWNER is the initialising thread's mutex owner word while its initializer runs, 0 once the block
 * is ready; only ready entries are seen. A caller that finds an entry owned by a live thread waits (polling, at
 * most 20 ms between looks); one that finds its owner's process gone takes the entry over, zeroes the block and
 * runs its own initializer. Thread-safe (through the heap mutex).
 */
final class NamedBlocks {
    private static final int MAX_WAIT_MILLIS = 20;
    private final SharedHeapImpl owner;
    private final BlockSpace space;
    private final NameTable names;
    private final MemorySegment heap;

    NamedBlocks(SharedHeapImpl owner) {
        this.owner = owner;
        this.space = owner.space;
        this.names = owner.names;
        this.heap = space.heap;
    }

    /** A block name: 1 to {@link SharedHeapDescriptor#MAX_NAME_LENGTH} characters (the name table's limit). */
    static void checkName(String name) {
        Checks.name(name, "name", MAX_NAME_LENGTH);
    }

    long findOrCreate(String name, long size, Consumer<MemorySegment> initializer) {
        checkName(name);
        Checks.nonNegative(size, "size");
        Checks.notNull(initializer, "initializer");
        long me = MutexCore.currentOwnerWord();
        int waitMillis = 1;
        boolean interrupted = false;
        try {
            while (true) {
                long handle = claim(name, size, me);
                if (handle > 0) {
                    return handle;
                }
                if (handle < 0) {
                    return initialise(name, -handle, me, initializer);
                }
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                waitMillis = Math.min(MAX_WAIT_MILLIS, waitMillis * 2);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The ready block's handle; minus the handle this thread must initialise; 0 to wait. */
    private long claim(String name, long size, long me) {
        owner.enter();
        try {
            owner.lock();
            try {
                long e = names.find(name);
                if (e == 0) {
                    long handle = bind(name, size, me);
                    if (handle == 0) {
                        throw new OutOfMemoryError(owner.description + ": cannot allocate " + size
                                + " bytes for the named block '" + name + "'");
                    }
                    return -handle;
                }
                long holder = Cells.get(heap, e + ENTRY_OWNER_OFFSET);
                long target = Cells.get(heap, e + ENTRY_TARGET_OFFSET);
                if (holder == 0) {
                    return target;
                }
                if (holder == me) {
                    throw new IllegalStateException("findOrCreate of '" + name + "' inside its own initializer");
                }
                if (MutexCore.ownerGone(holder)) {
                    Cells.put(heap, e + ENTRY_OWNER_OFFSET, me); // the dead initialiser's turn is ours
                    return -target;
                }
                return 0;
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }

    /** Allocates the data block and the entry of a new name, owned by {@code me}; 0 if they do not fit. */
    private long bind(String name, long size, long me) {
        long entryBytes = NameTable.entryBytes(name);
        owner.intend(OP_BIND, 0, 0);
        long d = owner.takeBlock(BlockSpace.blockSizeFor(size), BUSY, size, OP_BIND, INTENT_A_OFFSET);
        if (d != 0) { // counted now: a coalescing in the entry's take recounts the blocks, this one included
            space.setBit(d, true);
            space.addCounters(size, 1);
        }
        long e = d == 0 ? 0 : owner.takeBlock(BlockSpace.blockSizeFor(entryBytes), ENTRY, entryBytes, OP_BIND,
                INTENT_B_OFFSET);
        if (e == 0) {
            new Repair(space, names).run(); // frees the data block the record names
            return 0;
        }
        int bucket = names.bucket(NameTable.hash(name));
        Cells.put(heap, d + REQUEST_OFFSET, size | (long) bucket << 48);
        Cells.put(heap, d, BlockSpace.word(Cells.get(heap, d) & SIZE_MASK, BUSY_NAMED));
        names.link(e, name, d + BLOCK_HEADER, me);
        Cells.put(heap, NAME_COUNT_OFFSET, Cells.get(heap, NAME_COUNT_OFFSET) + 1);
        owner.done();
        return d + BLOCK_HEADER;
    }

    private long initialise(String name, long handle, long me, Consumer<MemorySegment> initializer) {
        MemorySegment block = owner.segment(handle);
        try {
            block.fill((byte) 0);
            initializer.accept(block);
        } catch (RuntimeException | Error e) {
            try {
                abort(name, handle, me);
            } catch (RuntimeException | Error suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        owner.enter();
        try {
            owner.lock();
            try {
                long e = names.find(name);
                if (e == 0 || Cells.get(heap, e + ENTRY_TARGET_OFFSET) != handle
                        || Cells.get(heap, e + ENTRY_OWNER_OFFSET) != me) {
                    throw new IllegalStateException("the block of '" + name + "' was freed while it was initialised");
                }
                Cells.put(heap, e + ENTRY_OWNER_OFFSET, 0); // ready: the one store that makes it visible
                return handle;
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }

    /** An initializer threw: the name and its block go. */
    private void abort(String name, long handle, long me) {
        owner.enter();
        try {
            owner.lock();
            try {
                long e = names.find(name);
                if (e != 0 && Cells.get(heap, e + ENTRY_TARGET_OFFSET) == handle
                        && Cells.get(heap, e + ENTRY_OWNER_OFFSET) == me) {
                    removeWithBlock(e, handle - BLOCK_HEADER);
                }
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }

    /** Unlinks entry {@code e} and frees it and its block {@code b} (mutex held). */
    private void removeWithBlock(long e, long b) {
        owner.intend(OP_UNBIND, b, e);
        dropEntry(e);
        owner.releaseBusy(b);
        owner.done();
    }

    private void dropEntry(long e) {
        names.unlink(e);
        space.release(e, Cells.get(heap, e) & SIZE_MASK);
        Cells.put(heap, NAME_COUNT_OFFSET, Cells.get(heap, NAME_COUNT_OFFSET) - 1);
    }

    /** Frees the named block {@code b} and its name (mutex held). */
    void freeNamed(long b) {
        int bucket = (int) (Cells.get(heap, b + REQUEST_OFFSET) >>> 48);
        long handle = b + BLOCK_HEADER;
        long e = entryFor(bucket, handle);
        owner.intend(OP_FREE, b, e);
        if (e != 0) {
            dropEntry(e);
        }
        owner.releaseBusy(b);
        owner.done();
    }

    private long entryFor(int bucket, long handle) {
        if (bucket >= space.buckets) {
            throw space.corrupt("bucket " + bucket + " of a named block", handle);
        }
        long top = space.top();
        long e = Cells.get(heap, names.bucketSlot(bucket));
        for (long steps = names.maxSteps(); e != 0 && steps > 0; steps--) {
            names.checkEntry(e, top);
            if (Cells.get(heap, e + ENTRY_TARGET_OFFSET) == handle) {
                return e;
            }
            e = Cells.get(heap, e + ENTRY_NEXT_OFFSET);
        }
        return 0;
    }

    long lookup(String name) {
        checkName(name);
        owner.enter();
        try {
            owner.lock();
            try {
                long e = names.find(name);
                return e == 0 || Cells.get(heap, e + ENTRY_OWNER_OFFSET) != 0 ? 0 : Cells.get(heap, e + ENTRY_TARGET_OFFSET);
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }

    boolean unbind(String name) {
        checkName(name);
        owner.enter();
        try {
            owner.lock();
            try {
                long e = names.find(name);
                if (e == 0) {
                    return false;
                }
                long holder = Cells.get(heap, e + ENTRY_OWNER_OFFSET);
                long target = Cells.get(heap, e + ENTRY_TARGET_OFFSET);
                long b = space.blockOf(target);
                if (b < 0) {
                    throw space.corrupt("a name of no live block", e);
                }
                if (holder != 0) {
                    if (MutexCore.ownerGone(holder)) {
                        removeWithBlock(e, b); // half-initialised by a dead process: nobody has its handle
                    }
                    return false;
                }
                owner.intend(OP_UNBIND, 0, e);
                dropEntry(e);
                Cells.put(heap, b + REQUEST_OFFSET, Cells.get(heap, b + REQUEST_OFFSET) & REQUEST_MASK);
                Cells.put(heap, b, BlockSpace.word(Cells.get(heap, b) & SIZE_MASK, BUSY));
                owner.done();
                return true;
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }

    Map<String, Long> names() {
        owner.enter();
        try {
            owner.lock();
            try {
                Map<String, Long> all = new TreeMap<>();
                long top = space.top();
                for (int bucket = 0; bucket < space.buckets; bucket++) {
                    long e = Cells.get(heap, names.bucketSlot(bucket));
                    for (long steps = names.maxSteps(); e != 0 && steps > 0; steps--) {
                        names.checkEntry(e, top);
                        if (Cells.get(heap, e + ENTRY_OWNER_OFFSET) == 0) {
                            all.put(names.name(e), Cells.get(heap, e + ENTRY_TARGET_OFFSET));
                        }
                        e = Cells.get(heap, e + ENTRY_NEXT_OFFSET);
                    }
                }
                return Collections.unmodifiableMap(all);
            } finally {
                owner.unlock();
            }
        } finally {
            owner.exit();
        }
    }
}
