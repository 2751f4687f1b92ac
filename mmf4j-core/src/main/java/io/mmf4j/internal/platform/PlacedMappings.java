package io.mmf4j.internal.platform;

import java.io.IOException;

/**
 * Mappings of a file that the library places itself (MapViewOfFileEx's {@code lpvBase}, views inside a reserved
 * region, views that grow in place), with plain {@code long} addresses. The caller binds what it maps to an arena
 * whose cleanup undoes it.
 *
 * <p>Stateless and thread-safe; callers serialise calls on one range.
 */
public interface PlacedMappings {

    /**
     * Maps {@code [offset, offset + length)} of {@code file} at exactly {@code address} (page-aligned, as
     * {@code offset} is). Never replaces anything: an {@code IOException} saying the range is in use when any of it
     * is mapped, and nothing is changed then.
     */
    void mapAt(OsFile file, long offset, long length, MapAccess access, long address) throws IOException;

    /**
     * Maps {@code [offset, offset + length)} of {@code file} over {@code [address, address + length)}, which the
     * caller holds as a reservation of its own, replacing it. On failure the range is left reserved.
     */
    void mapOver(OsFile file, long offset, long length, MapAccess access, long address) throws IOException;

    /** Puts a fresh reservation (no access, no memory) over a range the caller holds, replacing what is there. */
    void reserveOver(long address, long length) throws IOException;

    /** Unmaps a range the caller holds: the address space is free again. */
    void unmap(long address, long length) throws IOException;
}
