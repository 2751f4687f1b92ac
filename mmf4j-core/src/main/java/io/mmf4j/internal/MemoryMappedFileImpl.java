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
    private final long capacity;
    private final MemoryMappedFileAccess access;
    private volatile boolean closed;

    public MemoryMappedFileImpl(MappingSource source, String name, long capacity, MemoryMappedFileAccess access) {
        this.source = source;
        this.name = name;
        this.capacity = capacity;
        this.access = access;
    }

    @Override
    public long capacity() {
        return capacity;
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
        return new ViewAccessorImpl(openView(offset, size, viewAccess, arena));
    }

    @Override
    public MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess viewAccess,
                                                   java.lang.foreign.Arena arena) throws IOException {
        Checks.notNull(arena, "arena");
        return new ViewStreamImpl(openView(offset, size, viewAccess, arena));
    }

    private MappedView openView(long offset, long size, MemoryMappedFileAccess viewAccess) throws IOException {
        return openView(offset, size, viewAccess, null);
    }

    private MappedView openView(long offset, long size, MemoryMappedFileAccess viewAccess, java.lang.foreign.Arena arena)
            throws IOException {
        Checks.notNull(viewAccess, "access");
        Checks.nonNegative(offset, "offset");
        Checks.nonNegative(size, "size");
        if (closed) {
            throw new IllegalStateException("map " + describe() + " is closed");
        }
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
        return MappedView.open(source, offset, viewSize, viewAccess, arena);
    }

    private String describe() {
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
        try {
            source.letGo();
        } catch (IOException e) {
            throw new UncheckedIOException("closing map " + describe(), e);
        }
    }

    @Override
    public String toString() {
        return "MemoryMappedFile[" + describe() + ", capacity=" + capacity + ", access=" + access
                + (closed ? ", closed" : "") + "]";
    }
}
