package io.mmf4j.internal.platform;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The mapping capability: maps files into memory, writes mappings back, and the residency hints. Stateless
 * and thread-safe; a mapping lives as long as the arena it was made in.
 */
public interface MappingPlatform {

    /** The size of a page, the unit of protection and commitment. */
    long pageSize();

    /** The unit in which address space is reserved and view offsets are aligned (64 KiB on Windows). */
    long allocationGranularity();

    /**
     * Maps {@code [offset, offset + length)} of {@code file}; {@code offset} must be a multiple of
     * {@link #pageSize()}. The segment is bound to {@code arena}: closing the arena unmaps it.
     */
    MemorySegment map(OsFile file, long offset, long length, MapAccess access, Arena arena) throws IOException;

    /**
     * A segment as long as any mapping whose arena is already closed, so that every access through it throws
     * {@code IllegalStateException}; empty where the backend cannot make one without a restricted method.
     */
    java.util.Optional<MemorySegment> closedSegment();

    /** Writes the dirty pages of a mapping made by {@link #map} back to its file and waits for the writes. */
    void flush(MemorySegment mapping) throws IOException;

    /**
     * Puts zero-filled private memory in the place of a whole mapping at once: the file or shared memory is let go
     * now, while the addresses stay readable and writable — so a thread that still holds a segment over them reads
     * zeros and never faults — until the mapping's arena unmaps them. Returns {@code false} where the backend cannot
     * (the mapping then stays as it is until its arena is closed).
     */
    boolean replaceWithPlaceholder(MemorySegment mapping) throws IOException;

    /** The pages of {@code mapping} that are resident in memory, one boolean per page. */
    boolean[] residency(MemorySegment mapping) throws IOException;

    /** Hints that {@code mapping} will be needed soon (read-ahead). */
    void willNeed(MemorySegment mapping) throws IOException;

    /**
     * Asks the OS to take the pages of {@code mapping} out of memory now (a hint: locked pages and pages that
     * other processes use may stay). The contents are kept: file pages are read back, private pages swapped.
     */
    void pageOut(MemorySegment mapping) throws IOException;

    /**
     * Locks the pages of {@code mapping} in memory (VirtualLock, mlock): reads them in and keeps them resident
     * until {@link #unlock} or the unmap. A backend that cannot lock pages says so.
     */
    default void lock(MemorySegment mapping) throws IOException {
        throw new UnsupportedOperationException("locking pages in memory is not available on the " + getClass().getSimpleName()
                + " backend");
    }

    /** Lets the pages of {@code mapping} be paged out again (VirtualUnlock, munlock). */
    default void unlock(MemorySegment mapping) throws IOException {
        throw new UnsupportedOperationException("locking pages in memory is not available on the " + getClass().getSimpleName()
                + " backend");
    }

    /**
     * Compare-and-set of the aligned 8-byte word at {@code offset} of {@code mapping}, whose page may vanish under
     * it (its file truncated by another process, its tmpfs full): {@code true} if it stored {@code value}, and
     * {@code InternalError} — what the JVM throws for a plain access of a vanished page — if the page is gone.
     * The caller checked bounds, alignment and writability. By default the page is touched first with a plain
     * load, which the JVM guards, and then an ordinary CAS runs: a page that vanishes between the two still
     * aborts the JVM. A backend that can guard the CAS itself overrides this.
     */
    default boolean compareAndSetLong(MemorySegment mapping, long offset, long expected, long value) {
        return ProbedCas.compareAndSetLong(mapping, offset, expected, value);
    }

    /** As {@link #compareAndSetLong}, for an aligned 4-byte word. */
    default boolean compareAndSetInt(MemorySegment mapping, long offset, int expected, int value) {
        return ProbedCas.compareAndSetInt(mapping, offset, expected, value);
    }
}
