package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One mapped window {@code [offset, offset + size)} of a map, shared by the accessor or stream that wraps it.
 * Maps from the page below {@code offset}; holds its {@link MappingSource} until the view is closed (the
 * mapping keeps its own kernel reference to the file, so it may outlive that hold by the reaper's delay).
 *
 * <p><b>Lifetime.</b> The mapping lives in a shared arena of a {@link ViewArenas} generation — or, when the caller
 * brought one, in the caller's arena. {@link #close()} marks the view closed at once (every later use throws
 * {@code IllegalStateException}), flushes a view that writes to its file, closes the view's own arena if its raw
 * segment was ever handed out (that segment lives in an arena of its own, so that its checks fail from then on),
 * replaces the mapping with a zero-filled placeholder (the file is let go now) and leaves its generation, which is
 * closed — handshake, then unmap — once all of its views are closed. With the caller's arena the mapping stays until
 * the caller closes that arena, as {@code FileChannel.map(mode, offset, size, arena)} does. Either way the memory is
 * unmapped only after no thread can touch it.
 */
final class MappedView {
    /**
     * A segment whose arena is already closed and that is as long as any view, from the backend: every access
     * through it throws {@code IllegalStateException}; {@code null} where the backend cannot make one (the
     * portable one: it takes no restricted method), and then a closing view closes its arena at once.
     */
    private static final class Closed {
        static final MemorySegment SEGMENT = Platform.current().mappings().closedSegment().orElse(null);
    }

    private final MappingSource source;
    private final long offset;
    private final long size;
    private final long pointerOffset;
    private final MemoryMappedFileAccess access;
    private final ViewArenas.Generation generation; // null when the caller brought the arena, or with ownArena
    private final Arena ownArena; // the view's own arena where the backend has no closed segment, else null
    private final MemorySegment mapping;
    private Arena handedOutArena; // guarded by this; the arena of the raw segment handed out, if any
    private MemorySegment handedOut;
    private final MemorySegment segment;
    // Plain fields: a thread that misses the update still cannot fault, the arena guards the memory itself.
    private boolean closed;
    private final List<Runnable> closeHooks = new ArrayList<>(1); // guarded by this

    private MappedView(MappingSource source, long offset, long size, long pointerOffset, MemoryMappedFileAccess access,
                       ViewArenas.Generation generation, Arena ownArena, MemorySegment mapping) {
        this.source = source;
        this.offset = offset;
        this.size = size;
        this.pointerOffset = pointerOffset;
        this.access = access;
        this.generation = generation;
        this.ownArena = ownArena;
        this.mapping = mapping;
        MemorySegment window = mapping.asSlice(pointerOffset, size);
        this.segment = access.canWrite() ? window : window.asReadOnly();
    }

    /**
     * What an accessor swaps its segment for at close: a segment that throws {@code IllegalStateException} (where the
     * backend has none: this view's own, whose arena is closed at once — except in a caller's arena, which the caller
     * closes).
     */
    MemorySegment closedSegment() {
        MemorySegment closedOne = Closed.SEGMENT;
        return closedOne != null ? closedOne : segment; // this view's own: its arena is closed at once below
    }

    /** Runs {@code hook} when the view closes, before it is flushed; {@code IllegalStateException} if it is closed. */
    synchronized void whenClosed(Runnable hook) {
        checkOpen();
        closeHooks.add(hook);
    }

    /** How a placed view's pages are mapped ({@link PlacedViews}): into the view's own arena. */
    @FunctionalInterface
    interface Mapper {
        /** Maps {@code [pageOffset, pageOffset + length)} of the source into {@code arena}. */
        MemorySegment map(MappingSource source, long pageOffset, long length, MapAccess access, Arena arena)
                throws IOException;
    }

    /**
     * A view the library places itself: mapped by {@code mapper} into an arena of the view's own, which
     * {@link #close()} closes at once, so that the mapping's cleanup (unmap, or give the pages back to a region) has
     * run when close returns — not in a generation, whose arena closes only after all its views.
     */
    static MappedView openPlaced(MappingSource source, long offset, long size, MemoryMappedFileAccess access,
                                 Mapper mapper) throws IOException {
        long pageSize = Platform.current().mappings().pageSize();
        long pageOffset = offset - offset % pageSize;
        long pointerOffset = offset - pageOffset;
        source.retain();
        Arena own = Arena.ofShared();
        try {
            MemorySegment mapping = mapper.map(source, pageOffset, pointerOffset + size, mapAccess(access), own);
            return new MappedView(source, offset, size, pointerOffset, access, null, own, mapping);
        } catch (IOException | RuntimeException | Error e) {
            own.close();
            try {
                source.letGo();
            } catch (IOException letGoFailure) {
                e.addSuppressed(letGoFailure);
            }
            throw e;
        }
    }

    /**
     * Maps {@code [offset, offset + size)} of {@code source} into {@code callerArena}, or, when it is null, into a
     * generation's shared arena — or an arena of the view's own where the backend has no closed segment.
     */
    static MappedView open(MappingSource source, long offset, long size, MemoryMappedFileAccess access,
                           Arena callerArena) throws IOException {
        long pageSize = Platform.current().mappings().pageSize();
        long pageOffset = offset - offset % pageSize;
        long pointerOffset = offset - pageOffset;
        if (callerArena != null && !callerArena.scope().isAlive()) {
            throw new IllegalStateException("arena is closed: a view cannot be mapped into it");
        }
        source.retain();
        boolean generational = callerArena == null && Closed.SEGMENT != null;
        ViewArenas.Generation generation = generational ? ViewArenas.join() : null;
        Arena own = callerArena == null && !generational ? Arena.ofShared() : null;
        try {
            Arena arena = generation != null ? generation.arena() : own != null ? own : callerArena;
            MemorySegment mapping = source.map(pageOffset, pointerOffset + size, mapAccess(access), arena);
            return new MappedView(source, offset, size, pointerOffset, access, generation, own, mapping);
        } catch (IOException | RuntimeException | Error e) {
            if (generation != null) {
                ViewArenas.leave(generation); // nothing was mapped into it for this view
            }
            if (own != null) {
                own.close();
            }
            try {
                source.letGo();
            } catch (IOException letGoFailure) {
                e.addSuppressed(letGoFailure);
            }
            throw e;
        }
    }

    static MapAccess mapAccess(MemoryMappedFileAccess access) {
        return switch (access) {
            case READ -> MapAccess.READ;
            case READ_WRITE -> MapAccess.READ_WRITE;
            case COPY_ON_WRITE -> MapAccess.COPY_ON_WRITE;
            case READ_EXECUTE -> MapAccess.READ_EXECUTE;
            case READ_WRITE_EXECUTE -> MapAccess.READ_WRITE_EXECUTE;
            case WRITE -> throw new IllegalArgumentException("WRITE access cannot be mapped: use READ_WRITE");
        };
    }

    /** Whether a page of this view can vanish under it (see {@link MappingSource#pagesCanVanish()}). */
    boolean pagesCanVanish() {
        return source.pagesCanVanish();
    }

    /** The window's memory; read-only unless the access writes. Checks the view is open. */
    MemorySegment segment() {
        checkOpen();
        return segment;
    }

    /**
     * The raw segment for a caller that keeps it: the same memory in an arena of this view's own, closed at the view's
     * close, so that the segment's own checks fail from then on. With the caller's arena: the segment of that arena.
     */
    @SuppressWarnings("restricted") // the same memory as the view's segment, in an arena closed before it is unmapped
    synchronized MemorySegment handOutSegment() {
        checkOpen();
        if (generation == null) {
            return segment;
        }
        if (handedOut == null) {
            handedOutArena = Arena.ofShared();
            MemorySegment own = MemorySegment.ofAddress(segment.address()).reinterpret(size, handedOutArena, null);
            handedOut = segment.isReadOnly() ? own.asReadOnly() : own;
        }
        return handedOut;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("view [" + offset + ", +" + size + ") of " + source.describe() + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    long offset() {
        return offset;
    }

    long size() {
        return size;
    }

    long pointerOffset() {
        return pointerOffset;
    }

    MemoryMappedFileAccess access() {
        return access;
    }

    /** Whether writes through this view reach the file (and so must be flushed). */
    boolean writesThrough() {
        return access.canWrite() && access != MemoryMappedFileAccess.COPY_ON_WRITE;
    }

    void flush() throws IOException {
        flush(0, size);
    }

    void flush(long from, long length) throws IOException {
        checkOpen();
        Checks.nonNegative(from, "offset");
        Checks.nonNegative(length, "length");
        if (from > size || length > size - from) {
            throw new IndexOutOfBoundsException("flush range [" + from + ", +" + length + ") is outside the view of " + size + " bytes");
        }
        if (writesThrough() && length > 0) {
            source.flush(mapping.asSlice(pointerOffset + from, length));
        }
    }

    /** One entry per page of the view, from the page holding its first byte: whether it is in memory. */
    boolean[] residency() throws IOException {
        checkOpen();
        long pageSize = Platform.current().mappings().pageSize();
        long pages = (mapping.byteSize() + pageSize - 1) / pageSize;
        if (pages > MAX_RESIDENCY_PAGES) {
            throw new IllegalStateException("the view [" + offset + ", +" + size + ") of " + source.describe() + " has "
                    + pages + " pages, more than one boolean[] holds (" + MAX_RESIDENCY_PAGES
                    + "): ask residency(offset, length) for a part of it");
        }
        return Platform.current().mappings().residency(mapping);
    }

    /** The most pages one residency answer may have: the largest array the JVM makes. */
    static final long MAX_RESIDENCY_PAGES = Integer.MAX_VALUE - 8;

    /** As {@link #residency()} for {@code [from, from + length)} of the view: from the page holding byte {@code from}. */
    boolean[] residency(long from, long length) throws IOException {
        checkOpen();
        Checks.nonNegative(from, "offset");
        Checks.positive(length, "length");
        if (from > size || length > size - from) {
            throw new IndexOutOfBoundsException("residency range [" + from + ", +" + length + ") is outside the view of "
                    + size + " bytes");
        }
        long pageSize = Platform.current().mappings().pageSize();
        long first = (pointerOffset + from) / pageSize;
        long end = (pointerOffset + from + length + pageSize - 1) / pageSize;
        if (end - first > MAX_RESIDENCY_PAGES) {
            throw new IllegalArgumentException("length " + length + " spans " + (end - first)
                    + " pages, more than one boolean[] holds (" + MAX_RESIDENCY_PAGES + ")");
        }
        return Platform.current().mappings().residency(mapping.asSlice(pointerOffset + from, length));
    }

    void prefetch() throws IOException {
        checkOpen();
        Platform.current().mappings().willNeed(mapping);
    }

    void lock() throws IOException {
        checkOpen();
        Platform.current().mappings().lock(mapping);
    }

    void unlock() throws IOException {
        checkOpen();
        Platform.current().mappings().unlock(mapping);
    }

    /** Writes back what the view wrote to its file, then takes its pages out of memory. */
    void evict() throws IOException {
        flush();
        source.evict(mapping, offset - pointerOffset);
    }

    void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        closeHooks.forEach(Runnable::run);
        IOException flushFailure = null;
        if (writesThrough()) {
            try {
                source.flush(segment);
            } catch (IOException e) {
                flushFailure = e;
            }
        }
        try {
            source.letGo(); // at the user's close: the file, channel or name goes now, the unmap may follow later
        } catch (IOException e) {
            if (flushFailure == null) {
                flushFailure = e;
            } else {
                flushFailure.addSuppressed(e);
            }
        }
        if (generation != null) {
            Arena own;
            synchronized (this) {
                own = handedOutArena;
            }
            if (own == null) {
                release();
            } else {
                try {
                    own.close(); // the handed-out segment's checks fail from now on
                    release();
                } catch (IllegalStateException busy) {
                    // a native call holds the handed-out segment: keep the memory until it lets go
                    Thread.ofVirtual().start(() -> releaseAfter(own));
                }
            }
        } else if (ownArena != null) {
            try {
                ownArena.close();
            } catch (IllegalStateException busy) {
                ViewReaper.close(ownArena); // a native call holds the segment: the reaper retries
            }
        }
        if (flushFailure != null) {
            throw flushFailure;
        }
    }

    /** Replaces the mapping with a placeholder (the file is let go now) and leaves the generation. */
    private void release() {
        try {
            Platform.current().mappings().replaceWithPlaceholder(mapping);
        } catch (IOException | RuntimeException e) {
            // keeping the real mapping until the generation closes is safe, only later in letting the file go
        } finally {
            ViewArenas.leave(generation);
        }
    }

    private void releaseAfter(Arena own) {
        while (own.scope().isAlive()) {
            try {
                own.close();
            } catch (IllegalStateException busy) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    // retry at once
                }
            }
        }
        release();
    }
}
