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
 * <p><b>Lifetime.</b> The mapping lives in its own shared arena. {@link #close()} marks the view closed at
 * once (every later use throws {@code IllegalStateException}), flushes a view that writes to its file, and
 * then closes the arena: at once if the raw segment was ever handed out, so that the segment's own checks
 * fail from then on, and otherwise through the {@link ViewReaper}, which keeps close cheap. Either way the
 * memory is unmapped only after no thread can touch it.
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
    private final Arena arena;
    private final MemorySegment mapping;
    private final MemorySegment segment;
    // Plain fields: a thread that misses the update still cannot fault, the arena guards the memory itself.
    private boolean closed;
    private final List<Runnable> closeHooks = new ArrayList<>(1); // guarded by this
    private boolean segmentHandedOut;

    private MappedView(MappingSource source, long offset, long size, long pointerOffset, MemoryMappedFileAccess access,
                       Arena arena, MemorySegment mapping) {
        this.source = source;
        this.offset = offset;
        this.size = size;
        this.pointerOffset = pointerOffset;
        this.access = access;
        this.arena = arena;
        this.mapping = mapping;
        MemorySegment window = mapping.asSlice(pointerOffset, size);
        this.segment = access.canWrite() ? window : window.asReadOnly();
    }

    /** What an accessor swaps its segment for at close: a segment that throws {@code IllegalStateException}. */
    MemorySegment closedSegment() {
        MemorySegment closedOne = Closed.SEGMENT;
        return closedOne != null ? closedOne : segment; // this view's own: its arena is closed at once below
    }

    /** Runs {@code hook} when the view closes, before it is flushed; {@code IllegalStateException} if it is closed. */
    synchronized void whenClosed(Runnable hook) {
        checkOpen();
        closeHooks.add(hook);
    }

    /** How a view's pages are mapped: by the source wherever the OS likes, or placed ({@link PlacedViews}). */
    @FunctionalInterface
    interface Mapper {
        /** Maps {@code [pageOffset, pageOffset + length)} of the source into {@code arena}. */
        MemorySegment map(MappingSource source, long pageOffset, long length, MapAccess access, Arena arena)
                throws IOException;
    }

    static MappedView open(MappingSource source, long offset, long size, MemoryMappedFileAccess access) throws IOException {
        return open(source, offset, size, access, MappingSource::map, false);
    }

    /** @param unmapAtClose unmap in {@link #close()} itself, not later (a placed view's pages must be back then) */
    static MappedView open(MappingSource source, long offset, long size, MemoryMappedFileAccess access, Mapper mapper,
                           boolean unmapAtClose) throws IOException {
        long pageSize = Platform.current().mappings().pageSize();
        long pageOffset = offset - offset % pageSize;
        long pointerOffset = offset - pageOffset;
        source.retain();
        Arena arena = Arena.ofShared();
        try {
            MemorySegment mapping = mapper.map(source, pageOffset, pointerOffset + size, mapAccess(access), arena);
            MappedView view = new MappedView(source, offset, size, pointerOffset, access, arena, mapping);
            view.segmentHandedOut = unmapAtClose;
            return view;
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
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

    /** The window's memory; read-only unless the access writes. Checks the view is open. */
    MemorySegment segment() {
        checkOpen();
        return segment;
    }

    /** The raw segment for a caller that keeps it: close becomes immediate so the segment's checks take over. */
    MemorySegment handOutSegment() {
        checkOpen();
        segmentHandedOut = true;
        return segment;
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
        return Platform.current().mappings().residency(mapping);
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
        if (segmentHandedOut || Closed.SEGMENT == null) {
            try {
                arena.close();
            } catch (IllegalStateException busy) {
                ViewReaper.close(arena); // a native call holds the segment: the reaper retries
            }
        } else {
            ViewReaper.close(arena);
        }
        if (flushFailure != null) {
            throw flushFailure;
        }
    }
}
