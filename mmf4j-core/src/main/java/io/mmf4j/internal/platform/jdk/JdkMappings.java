package io.mmf4j.internal.platform.jdk;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.MappingPlatform;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;

/**
 * {@link MappingPlatform} over {@link FileChannel#map(FileChannel.MapMode, long, long, Arena)} and
 * {@link MemorySegment#force()}. Its page is 4 KiB: java.nio does not reveal the OS's page size, and needs none
 * (it aligns a mapping itself), so the page here is only the unit portable code aligns views to. Stateless and
 * thread-safe.
 */
final class JdkMappings implements MappingPlatform {
    private static final long PAGE = 4096;

    @Override
    public long pageSize() {
        return PAGE;
    }

    @Override
    public long allocationGranularity() {
        return PAGE;
    }

    @Override
    public MemorySegment map(OsFile file, long offset, long length, MapAccess access, Arena arena) throws IOException {
        if (offset % PAGE != 0) {
            throw new IllegalArgumentException("offset " + offset + " is not a multiple of the page size " + PAGE);
        }
        if (access.execute()) {
            throw JdkPlatform.unsupported("executable maps (" + access + ")", "java.nio maps no executable memory");
        }
        FileChannel.MapMode mode = !access.shared() ? FileChannel.MapMode.PRIVATE
                : access.write() ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY;
        return JdkFile.of(file).channel().map(mode, offset, length, arena);
    }

    /** None: a segment longer than its memory needs a restricted method, which this backend never calls. */
    @Override
    public java.util.Optional<MemorySegment> closedSegment() {
        return java.util.Optional.empty();
    }

    @Override
    public void flush(MemorySegment mapping) {
        mapping.force();
    }

    @Override
    public boolean replaceWithPlaceholder(MemorySegment mapping) {
        return false; // no MAP_FIXED without native calls: the mapping stays until its arena is closed
    }

    @Override
    public boolean[] residency(MemorySegment mapping) {
        throw JdkPlatform.unsupported("residency (which pages are in memory)", "java.nio tells only all or none");
    }

    @Override
    public void willNeed(MemorySegment mapping) {
        throw JdkPlatform.unsupported("read-ahead hints (willNeed)", "java.nio has no madvise");
    }

    @Override
    public void pageOut(MemorySegment mapping) {
        throw JdkPlatform.unsupported("evicting pages (pageOut)", "java.nio has no madvise");
    }
}
