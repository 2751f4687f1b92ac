package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedGrowingView;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The one implementation of {@link MemoryMappedGrowingView}: address space for the whole maximum is reserved, and
 * the file is mapped over all of it at once ({@code MAP_FIXED} into the reservation) — past the file's end too,
 * where pages exist only once the file has grown. So growth itself needs no mapping call: when the map's capacity
 * (checked against the file's size) covers more, {@link #refresh()} only hands out a larger segment. No segment ever
 * reaches past the capacity, so none covers a page past the end of the file, which would fault. Every segment
 * lives in the view's one shared arena, whose cleanup unmaps the whole range.
 *
 * <p>Thread-safe: growth and close hold the monitor; {@link #segment()} reads a volatile field.
 */
public final class GrowingViewImpl implements MemoryMappedGrowingView {
    private final MemoryMappedFileImpl map;
    private final MappingSource source;
    private final long offset;
    private final long pointerOffset;
    private final long maximumSize;
    private final MemoryMappedFileAccess access;
    private final Arena arena;
    private final long base;
    private volatile long size;
    private volatile MemorySegment segment;
    private volatile boolean closed;

    private GrowingViewImpl(MemoryMappedFileImpl map, long offset, long pageOffset, long maximumSize,
                            MemoryMappedFileAccess access, Arena arena, long base) {
        this.map = map;
        this.source = map.source();
        this.offset = offset;
        this.pointerOffset = offset - pageOffset;
        this.maximumSize = maximumSize;
        this.access = access;
        this.arena = arena;
        this.base = base;
        this.segment = slice(0);
    }

    @SuppressWarnings("restricted") // the reservation is ours until the arena's cleanup gives it back
    static GrowingViewImpl open(MemoryMappedFileImpl map, long offset, long maximumSize, MemoryMappedFileAccess access)
            throws IOException {
        Platform platform = Platform.current();
        long pageSize = platform.mappings().pageSize();
        long pageOffset = offset - offset % pageSize;
        long pointerOffset = offset - pageOffset;
        if (maximumSize > Long.MAX_VALUE - pointerOffset - pageSize) {
            throw new IllegalArgumentException("maximumSize " + maximumSize + " is too large");
        }
        long reserved = (pointerOffset + maximumSize + pageSize - 1) / pageSize * pageSize;
        MappingSource source = map.source();
        MappingSource.FileWindow window = source.fileWindow(MappedView.mapAccess(access));
        source.retain();
        Arena arena = Arena.ofShared();
        try {
            long base = platform.virtualMemory().reserve(reserved, pageSize);
            try {
                platform.placedMappings().mapOver(window.file(), window.fileOffset() + pageOffset, reserved,
                        MappedView.mapAccess(access), base);
            } catch (IOException | RuntimeException | Error e) {
                release(base, reserved); // mapOver left it reserved
                throw e;
            }
            MemorySegment.ofAddress(base).reinterpret(0, arena, nothing -> release(base, reserved));
            GrowingViewImpl view = new GrowingViewImpl(map, offset, pageOffset, maximumSize, access, arena, base);
            view.refresh();
            return view;
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            try {
                source.letGo();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void release(long base, long reserved) {
        try {
            Platform.current().placedMappings().unmap(base, reserved);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("restricted") // covers only bytes the file holds (the callers checked the capacity)
    private MemorySegment slice(long bytes) {
        MemorySegment s = MemorySegment.ofAddress(base + pointerOffset).reinterpret(bytes, arena, null);
        return access.canWrite() ? s : s.asReadOnly();
    }

    @Override
    public long address() {
        return base + pointerOffset;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long maximumSize() {
        return maximumSize;
    }

    @Override
    public MemoryMappedFileAccess access() {
        return access;
    }

    @Override
    public MemorySegment segment() {
        checkOpen();
        return segment;
    }

    @Override
    public synchronized long refresh() throws IOException {
        checkOpen();
        long capacity = map.capacity();
        long available = capacity <= offset ? 0 : Math.min(capacity - offset, maximumSize);
        if (available <= size) {
            return size;
        }
        segment = slice(available); // the file holds these bytes: the capacity was checked against its size
        size = available;
        return available;
    }

    @Override
    public synchronized long ensureSize(long wanted) throws IOException {
        checkOpen();
        Checks.nonNegative(wanted, "size");
        if (wanted > maximumSize) {
            throw new IllegalArgumentException("size " + wanted + " is larger than the view's maximumSize " + maximumSize);
        }
        if (wanted <= size) {
            return size;
        }
        if (!writesThrough()) {
            throw new UnsupportedOperationException("a growing view with " + access + " access does not write to the"
                    + " map, so it cannot grow it: use refresh() to follow growth, or a READ_WRITE view");
        }
        if (map.capacity() < offset + wanted) {
            map.grow(offset + wanted);
        }
        return refresh();
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        MemorySegment now = segment;
        if (writesThrough() && now.byteSize() > 0) {
            source.flush(now);
        }
    }

    private boolean writesThrough() {
        return access.canWrite() && access != MemoryMappedFileAccess.COPY_ON_WRITE;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("growing view [" + offset + ", +" + size + ") of " + source.describe()
                    + " is closed");
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException failure = null;
        MemorySegment now = segment;
        if (writesThrough() && now.byteSize() > 0) {
            try {
                source.flush(now);
            } catch (IOException e) {
                failure = e;
            }
        }
        try {
            source.letGo();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        try {
            arena.close();
        } catch (IllegalStateException busy) {
            ViewReaper.close(arena); // a native call holds a segment: the reaper retries
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "MemoryMappedGrowingView[" + source.describe() + ", offset=" + offset + ", size=" + size
                + ", maximumSize=" + maximumSize + ", access=" + access + (closed ? ", closed" : "") + "]";
    }
}
