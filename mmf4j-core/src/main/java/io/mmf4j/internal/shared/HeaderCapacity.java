package io.mmf4j.internal.shared;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The CAPACITY and FLAGS fields of a named object's header ({@link SharedObjectDescriptor}), mapped once so that
 * reading the capacity other processes may have raised costs one memory read. The value is untrusted: callers
 * check it against the file's size before they map by it. It is only ever raised, with the growth lock held
 * ({@link OsFile#lockGrowth()}), after the file has grown.
 *
 * <p>Thread-safe. The mapping lives in the caller's shared arena: once the caller has closed it, {@link #read()}
 * throws {@code IllegalStateException} (never a fault).
 */
public final class HeaderCapacity {
    private static final VarHandle CAPACITY = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN)
            .varHandle();
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment header;
    private final boolean writable;

    private HeaderCapacity(MemorySegment header, boolean writable) {
        this.header = header;
        this.writable = writable;
    }

    /** Maps the header page of {@code file} into {@code arena}, for writing if the file was opened so. */
    public static HeaderCapacity map(OsFile file, Arena arena) throws IOException {
        Platform platform = Platform.current();
        MemorySegment page = platform.mappings().map(file, 0, platform.mappings().pageSize(),
                file.writable() ? MapAccess.READ_WRITE : MapAccess.READ, arena);
        return new HeaderCapacity(page, file.writable());
    }

    /** The mapped header page, for the map that lets it go. */
    public MemorySegment page() {
        return header;
    }

    /** The capacity the header claims now (untrusted). */
    public long read() {
        return (long) CAPACITY.getVolatile(header, SharedObjectDescriptor.CAPACITY_OFFSET);
    }

    /** Whether the object was made with DELAY_ALLOCATE_PAGES (growth then commits nothing). */
    public boolean delayAllocate() {
        return (header.get(INT, SharedObjectDescriptor.FLAGS_OFFSET) & SharedObjectDescriptor.FLAG_DELAY_ALLOCATE) != 0;
    }

    /** Raises the claimed capacity to at least {@code capacity}; never lowers it. */
    public void raise(long capacity) {
        if (!writable) {
            throw new IllegalStateException("the header was mapped read-only");
        }
        long seen = read();
        while (seen < capacity && !CAPACITY.compareAndSet(header, SharedObjectDescriptor.CAPACITY_OFFSET, seen, capacity)) {
            seen = read();
        }
    }
}
