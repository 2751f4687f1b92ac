package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Views mapped from a file the library opened itself; the file is closed after the last holder. */
public final class FileSource extends MappingSource {
    private final OsFile file;
    private final Runnable onRelease;
    private boolean commitOnGrowth = true;
    private boolean pagesStay;

    /** {@code onRelease} runs after the file is closed (e.g. to give up a map name); may be a no-op. */
    public FileSource(OsFile file, Runnable onRelease) {
        this.file = file;
        this.onRelease = onRelease;
    }

    public OsFile file() {
        return file;
    }

    /** Growth of this source's map sizes the file without committing it (DELAY_ALLOCATE_PAGES); returns this. */
    public FileSource delayAllocationOnGrowth() {
        commitOnGrowth = false;
        return this;
    }

    /**
     * The file cannot shrink (sealed) and every page of it is allocated, so no page of a mapping can vanish;
     * returns this.
     */
    public FileSource pagesStay() {
        pagesStay = true;
        return this;
    }

    @Override
    protected boolean pagesCanVanish() {
        return !pagesStay;
    }

    boolean commitOnGrowth() {
        return commitOnGrowth;
    }

    @Override
    protected MemorySegment map(long pageOffset, long length, MapAccess access, Arena arena) throws IOException {
        if (access.needsWritableFile() && !file.writable()) {
            throw new java.nio.file.AccessDeniedException(file.path(), null, "the map was opened read-only");
        }
        return Platform.current().mappings().map(file, pageOffset, length, access, arena);
    }

    @Override
    protected FileWindow fileWindow(MapAccess access) throws IOException {
        if (access.needsWritableFile() && !file.writable()) {
            throw new java.nio.file.AccessDeniedException(file.path(), null, "the map was opened read-only");
        }
        return new FileWindow(file, 0);
    }

    @Override
    protected void flush(MemorySegment mapping) throws IOException {
        Platform.current().mappings().flush(mapping);
        file.sync();
    }

    @Override
    protected void evict(MemorySegment mapping, long pageOffset) throws IOException {
        super.evict(mapping, pageOffset);
        // The cache drops clean pages only: write back what anyone wrote to the file (fsync works on a read-only
        // descriptor too). Paging out reaches only pages this process mapped; the advice drops the rest as well.
        file.sync();
        file.dropCache(pageOffset, mapping.byteSize());
    }

    @Override
    protected void release() throws IOException {
        try {
            file.close();
        } finally {
            onRelease.run();
        }
    }

    @Override
    public String describe() {
        return file.path();
    }
}
