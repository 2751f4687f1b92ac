package io.mmf4j.internal.platform;

import io.mmf4j.vm.MemoryArea;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The virtual-memory calls portable code needs: reserve, commit, decommit, protect and release address space,
 * the memory hints, and a walk of a process's address space. Addresses are plain {@code long}s; the caller owns
 * the ranges it passes (they lie inside a reservation it made) and serialises calls on one range.
 *
 * <p>Every method leaves the range reserved or committed, never unmapped, when it fails: a hole in a reservation
 * could be taken by another mapping and then clobbered by the reservation's release.
 */
public interface VirtualMemoryPlatform {

    /** The size of a page, the unit of commitment and protection. */
    long pageSize();

    /** The unit in which address space is reserved. */
    long allocationGranularity();

    /** The size of an explicit large (huge) page, if the OS has them. */
    OptionalLong largePageSize();

    /** Reserves {@code size} bytes (a multiple of the page size) at an address that is a multiple of {@code alignment}. */
    long reserve(long size, long alignment) throws IOException;

    /** Reserves exactly {@code [address, address + size)}; fails, changing nothing, when any of it is in use. */
    long reserveAt(long address, long size) throws IOException;

    /** Gives back a reservation made by {@link #reserve} or {@link #reserveAt}, committed pages included. */
    void release(long address, long size) throws IOException;

    /**
     * Backs reserved pages with memory (taking commit charge where the OS keeps one); they read as zero.
     * With {@code largePages} the range is backed by explicit large pages and must be aligned to their size.
     */
    void commit(long address, long size, PageAccess access, boolean largePages) throws IOException;

    /** Returns the memory behind committed pages to the OS: they are reserved again and read as zero when re-committed. */
    void decommit(long address, long size) throws IOException;

    /** Changes the access to committed pages, keeping their content. */
    void protect(long address, long size, PageAccess access) throws IOException;

    /** Locks committed pages in physical memory (VirtualLock / mlock). */
    void lock(long address, long size) throws IOException;

    /** Undoes {@link #lock}. */
    void unlock(long address, long size) throws IOException;

    /**
     * Brings committed pages into memory ahead of use. Returns {@code true} if the pages are resident now,
     * {@code false} if the OS only took a hint.
     */
    boolean prefetch(long address, long size, boolean writable) throws IOException;

    /** Lets the OS drop the contents of committed pages when it needs the memory; they then read as zero. */
    void discard(long address, long size) throws IOException;

    /**
     * Drops the contents of committed pages at once (MADV_DONTNEED): their memory goes back to the OS, the pages
     * stay committed and accessible, and read as zero from then on.
     */
    void resetPages(long address, long size) throws IOException;

    /** Asks for transparent large pages; returns whether the OS will act on it (false when it has them off). */
    boolean adviseLargePages(long address, long size) throws IOException;

    /** Every mapping of process {@code pid}, in address order. */
    List<MemoryArea> walk(long pid) throws IOException;

    /** The id of this process. */
    long processId();
}
