package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Views of a named, non-persisted map: the payload of a {@link SharedHandle}. The handle — this process's
 * holder mark on the name — is let go when the map object and every view of it have been closed.
 *
 * <p>Thread-safe.
 */
final class SharedMapSource extends MappingSource {
    private final SharedHandle handle;

    SharedMapSource(SharedHandle handle) {
        this.handle = handle;
        whenLastHolderCloses(handle);
    }

    SharedHandle handle() {
        return handle;
    }

    @Override
    protected MemorySegment map(long pageOffset, long length, MapAccess access, Arena arena) throws IOException {
        return handle.mapPayload(pageOffset, length, access, arena);
    }

    @Override
    protected FileWindow fileWindow(MapAccess access) throws IOException {
        if (access.needsWritableFile() && !handle.writable()) {
            throw new java.nio.file.AccessDeniedException(handle.name(), null, "opened without write access");
        }
        return new FileWindow(handle.file(), handle.header().headerSize());
    }

    @Override
    protected void flush(MemorySegment mapping) throws IOException {
        Platform.current().mappings().flush(mapping); // memory-backed: nothing to make durable beyond the page cache
    }

    @Override
    protected void release() {
        // the handle was let go at the last close; the mappings, now gone, needed nothing more
    }

    @Override
    public String describe() {
        return "named map '" + handle.name() + "'";
    }
}
