package io.mmf4j.internal;

import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.HeaderCapacity;
import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The capacity of one map object, and how the map grows ({@code MemoryMappedFile.grow}).
 *
 * <ul>
 *   <li><b>Where the truth is.</b> A named map's capacity is the CAPACITY field of a shared header — the named
 *       object's own, or a named persisted map's entry — which every process's map object reads (one memory
 *       read) and checks against the file's size before believing a larger value: the header is untrusted, and
 *       the file's size is what makes a mapping safe. An unnamed map knows its capacity itself.</li>
 *   <li><b>Growth.</b> The file grows first — its new space reserved without changing the size, then the size
 *       raised ({@link OsFile#growTo}; only the size for {@code DELAY_ALLOCATE_PAGES}) — and the header is raised
 *       after, so a capacity anyone can read is always backed by the file. Neither step ever lowers anything, so
 *       growers in any processes need no lock and two at once end at the larger size; no room fails the first
 *       step, leaving the size as it was (blocks it reserved past the end stay with the file). Where the file
 *       system cannot reserve (no fallocate), growth sets the size under the file's growth lock
 *       ({@link OsFile#lockGrowth()}) and a failure puts the old size back.</li>
 * </ul>
 *
 * <p>Thread-safe. A map that cannot grow (made from a {@code FileChannel}) has no file here.
 */
final class MapCapacity {
    private final OsFile file;
    private final long dataOffset;
    private volatile boolean reserve;
    private final AtomicLong known;
    private final LongConsumer onGrowth;
    private volatile HeaderCapacity shared;
    private ViewArenas.Generation sharedGeneration; // guarded by this; the generation the header is mapped into

    /**
     * @param file       the file the map's bytes live in, or {@code null} for a map that cannot grow
     * @param dataOffset where the map's byte 0 is in that file (a named map's header size)
     * @param reserve    whether growth commits the new bytes (fallocate) or only sizes the file
     * @param onGrowth   told of every larger capacity seen (e.g. to let views be made over it)
     */
    MapCapacity(OsFile file, long dataOffset, boolean reserve, long capacity, LongConsumer onGrowth) {
        this.file = file;
        this.dataOffset = dataOffset;
        this.reserve = reserve;
        this.known = new AtomicLong(capacity);
        this.onGrowth = onGrowth;
    }

    static MapCapacity fixed(long capacity) {
        return new MapCapacity(null, 0, false, capacity, size -> { });
    }

    /**
     * From now on the capacity is (also) the one the header of {@code file} claims (a named object's, or a named
     * persisted map's entry), and growth raises it.
     */
    synchronized void share(OsFile headerFile) throws IOException {
        // In a view generation's arena, as views are: an arena of its own would cost a handshake per map at close.
        ViewArenas.Generation generation = ViewArenas.join();
        try {
            HeaderCapacity header = HeaderCapacity.map(headerFile, generation.arena());
            sharedGeneration = generation;
            shared = header;
        } catch (IOException | RuntimeException | Error e) {
            ViewArenas.leave(generation);
            throw e;
        }
    }

    /** Whether the shared header says growth must not commit (DELAY_ALLOCATE_PAGES). */
    boolean sharedDelaysAllocation() {
        return shared != null && shared.delayAllocate();
    }

    /** Growth from now on sizes the file without committing it. */
    void delayAllocation() {
        reserve = false;
    }

    /** The capacity: the largest one seen here or, checked against the file, in the shared header. */
    long current() {
        long mine = known.get();
        HeaderCapacity header = shared;
        if (header == null) {
            return mine;
        }
        long claimed;
        try {
            claimed = header.read();
        } catch (IllegalStateException closed) {
            return mine;
        }
        return claimed <= mine ? mine : believe(claimed);
    }

    /** A larger claim from the header, cut to what the file holds (a corrupt header cannot make us map past it). */
    private long believe(long claimed) {
        long held;
        try {
            held = file.size() - dataOffset;
        } catch (IOException e) {
            return known.get();
        }
        long now = known.accumulateAndGet(Math.min(claimed, held), Math::max);
        onGrowth.accept(now);
        return now;
    }

    boolean canGrow() {
        return file != null;
    }

    /** Makes the capacity at least {@code capacity}; returns the capacity after. */
    long grow(long capacity, java.util.function.Supplier<String> subject) throws IOException {
        long before = current();
        if (before >= capacity) {
            return before;
        }
        if (capacity > Long.MAX_VALUE - dataOffset) {
            throw new IllegalArgumentException("newCapacity " + capacity + " is too large");
        }
        boolean grown;
        try {
            grown = file.growTo(dataOffset + before, dataOffset + capacity, reserve);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot grow map " + subject.get() + " from " + before + " to " + capacity
                    + " bytes; it keeps its old size: " + e.getMessage(), e);
        }
        if (grown) {
            return raise(capacity);
        }
        return growLocked(capacity, subject);
    }

    /** After the file holds {@code capacity} bytes: everyone may believe it. */
    private long raise(long capacity) {
        HeaderCapacity header = shared;
        if (header != null) {
            header.raise(capacity);
        }
        long now = known.accumulateAndGet(capacity, Math::max);
        onGrowth.accept(now);
        return now;
    }

    /** Growth where the file system cannot reserve without sizing: serialised, so a failure can be undone. */
    private long growLocked(long capacity, java.util.function.Supplier<String> subject) throws IOException {
        long before;
        Closeable lock = file.lockGrowth();
        try {
            before = current();
            if (before >= capacity) {
                return before; // grown meanwhile, here or by another process
            }
            long sizeBefore = file.size();
            try {
                if (reserve) {
                    file.allocate(dataOffset + before, capacity - before);
                } else if (sizeBefore < dataOffset + capacity) {
                    file.setLength(dataOffset + capacity);
                }
            } catch (IOException | RuntimeException e) {
                restore(sizeBefore, e);
                throw new IOException("cannot grow map " + subject.get() + " from " + before + " to " + capacity
                        + " bytes; it keeps its old size: " + e.getMessage(), e);
            }
            return raise(capacity);
        } finally {
            lock.close();
        }
    }

    /** Under the growth lock no one else grows the file: a partial extension can go without harm to anyone. */
    private void restore(long sizeBefore, Exception failure) {
        try {
            if (file.size() > sizeBefore) {
                file.setLength(sizeBefore);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Lets the shared header go as a view's mapping goes: replaced by a zero-filled placeholder now (a racing
     * {@link #current()} reads capacity 0 and keeps the last one seen), unmapped with its generation. The capacity
     * stays the last one seen.
     */
    synchronized void close() {
        HeaderCapacity header = shared;
        ViewArenas.Generation generation = sharedGeneration;
        shared = null; // no more header reads (nor file-size checks, once the file may be closed)
        if (generation != null) {
            sharedGeneration = null;
            try {
                Platform.current().mappings().replaceWithPlaceholder(header.page());
            } catch (IOException | RuntimeException e) {
                // the header stays mapped until its generation closes: safe, only later in letting the memory go
            }
            ViewArenas.leave(generation);
        }
    }
}
