package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The one implementation of {@link MemoryMappedFile}: a capacity, an access, and a {@link MappingSource}. */
public final class MemoryMappedFileImpl implements MemoryMappedFile {
    private final MappingSource source;
    private final String name;
    private final MapCapacity capacity;
    private final MemoryMappedFileAccess access;
    private volatile boolean closed;

    /** On failure the map's hold on {@code source} is let go, as {@link #close()} would. */
    public MemoryMappedFileImpl(MappingSource source, String name, long capacity, MemoryMappedFileAccess access)
            throws IOException {
        this.source = source;
        this.name = name;
        this.access = access;
        try {
            this.capacity = MapGrowth.capacityOf(source, capacity);
        } catch (IOException | RuntimeException | Error e) {
            try {
                source.letGo();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public long capacity() {
        return capacity.current();
    }

    MapCapacity growth() {
        return capacity;
    }

    @Override
    public void grow(long newCapacity) throws IOException {
        Checks.positive(newCapacity, "newCapacity");
        if (closed) {
            throw new IllegalStateException("map " + describe() + " is closed");
        }
        MapGrowth.checkCanGrow(this);
        capacity.grow(newCapacity, this::describe);
    }

    @Override
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    @Override
    public MemoryMappedFileAccess access() {
        return access;
    }

    public MappingSource source() {
        return source;
    }

    @Override
    public io.mmf4j.InheritableMap inheritable() throws IOException {
        if (closed) {
            throw new IllegalStateException("map " + describe() + " is closed");
        }
        return InheritableMapImpl.share(this);
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor() throws IOException {
        return createViewAccessor(0, 0, access);
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor(long offset, long size) throws IOException {
        return createViewAccessor(offset, size, access);
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess viewAccess)
            throws IOException {
        return new ViewAccessorImpl(openView(offset, size, viewAccess));
    }

    @Override
    public MemoryMappedViewStream createViewStream() throws IOException {
        return createViewStream(0, 0, access);
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size) throws IOException {
        return createViewStream(offset, size, access);
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess viewAccess)
            throws IOException {
        return new ViewStreamImpl(openView(offset, size, viewAccess));
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                       java.lang.foreign.Arena arena) throws IOException {
        Checks.notNull(arena, "arena");
        return new ViewAccessorImpl(openView(offset, size, viewAccess, arena, null));
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                       long baseAddress) throws IOException {
        return new ViewAccessorImpl(openView(offset, size, Checks.notNull(viewAccess, "access"), null,
                PlacedViews.at(baseAddress)));
    }

    @Override
    public MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                       io.mmf4j.vm.Region region, long regionOffset) throws IOException {
        return new ViewAccessorImpl(openView(offset, size, Checks.notNull(viewAccess, "access"), null,
                PlacedViews.in(region, regionOffset)));
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                   java.lang.foreign.Arena arena) throws IOException {
        Checks.notNull(arena, "arena");
        return new ViewStreamImpl(openView(offset, size, viewAccess, arena, null));
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                   long baseAddress) throws IOException {
        return new ViewStreamImpl(openView(offset, size, Checks.notNull(viewAccess, "access"), null,
                PlacedViews.at(baseAddress)));
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                   io.mmf4j.vm.Region region, long regionOffset) throws IOException {
        return new ViewStreamImpl(openView(offset, size, Checks.notNull(viewAccess, "access"), null,
                PlacedViews.in(region, regionOffset)));
    }

    @Override
    public io.mmf4j.MemoryMappedGrowingView createGrowingView(long offset, long maximumSize,
                                                              MemoryMappedFileAccess viewAccess) throws IOException {
        Checks.notNull(viewAccess, "access");
        Checks.nonNegative(offset, "offset");
        Checks.positive(maximumSize, "maximumSize");
        if (closed) {
            throw new IllegalStateException("map " + describe() + " is closed");
        }
        AccessRules.checkViewAccess(access, viewAccess, describe());
        return GrowingViewImpl.open(this, offset, maximumSize, viewAccess);
    }

    private MappedView openView(long offset, long size, MemoryMappedFileAccess viewAccess) throws IOException {
        return openView(offset, size, viewAccess, null, null);
    }

    /** {@code arena} null: the library's; {@code mapper} null: mapped wherever the OS likes. */
    private MappedView openView(long offset, long size, MemoryMappedFileAccess viewAccess, java.lang.foreign.Arena arena,
                                MappedView.Mapper mapper) throws IOException {
        Checks.notNull(viewAccess, "access");
        Checks.nonNegative(offset, "offset");
        Checks.nonNegative(size, "size");
        if (closed) {
            throw new IllegalStateException("map " + describe() + " is closed");
        }
        long capacity = this.capacity.current();
        if (offset > capacity || size > capacity - offset) {
            throw new IllegalArgumentException("offset " + offset + " + size " + size + " exceeds the capacity "
                    + capacity + " of map " + describe());
        }
        long viewSize = size == 0 ? capacity - offset : size;
        if (viewSize == 0) {
            throw new IllegalArgumentException("offset " + offset + " is the end of map " + describe()
                    + ": the view would be empty");
        }
        AccessRules.checkViewAccess(access, viewAccess, describe());
        return mapper == null ? MappedView.open(source, offset, viewSize, viewAccess, arena)
                : MappedView.openPlaced(source, offset, viewSize, viewAccess, mapper);
    }

    String describe() {
        return name != null ? "'" + name + "'" : source.describe();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        capacity.close();
        try {
            source.letGo();
        } catch (IOException e) {
            throw new UncheckedIOException("closing map " + describe(), e);
        }
    }

    @Override
    public String toString() {
        return "MemoryMappedFile[" + describe() + ", capacity=" + capacity.current() + ", access=" + access
                + (closed ? ", closed" : "") + "]";
    }
}
