package io.mmf4j.vm;

import io.mmf4j.internal.vm.RegionCore;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A reservation of address space whose pages are committed, protected, decommitted and queried one range at a
 * time — what Win32's VirtualAlloc, VirtualProtect, VirtualQuery and VirtualFree act on. Made by
 * {@link VirtualMemory#reserve(long)} and {@link VirtualMemory#allocate(long, Protection)}.
 *
 * {@snippet :
 * try (Region region = VirtualMemory.reserve(1L << 30)) {          // 1 GiB of address space, no memory yet
 *     region.commit(0, 65536, Protection.READ_WRITE);              // back the first 64 KiB
 *     MemorySegment bytes = region.segment(0, 65536);
 *     bytes.set(ValueLayout.JAVA_LONG, 0, 42);
 *     region.decommit(0, 65536);                                   // memory goes back; `bytes` is invalid now
 * }
 * }
 *
 * <p><b>Ranges.</b> {@code offset} and {@code size} are bytes relative to {@link #address()}; an operation acts
 * on every page that holds a byte of {@code [offset, offset + size)}. A range outside the region throws
 * {@code IndexOutOfBoundsException}; a size that is not positive throws {@code IllegalArgumentException}.
 *
 * <p><b>Segments.</b> {@link #segment} (and {@link #confinedSegment}) is the only way at the memory. It is refused ({@code IllegalStateException})
 * unless every page is committed and readable, is read-only unless every page is writable, and is invalidated by
 * any later decommit, protect, commit with another protection, or close that changes one of its pages: using it
 * then throws {@code IllegalStateException}. No call sequence, argument or race makes the JVM fault.
 * {@link #confinedSegment} trades sharing between threads for a much cheaper invalidation.
 *
 * <p><b>Mappings.</b> On Linux a commit or decommit maps fresh pages over the range, so a {@link #lock} and an
 * {@link #adviseLargePages} advice on those pages end there (as decommit unlocks pages on Windows): lock and
 * advise after committing. Each run of pages in a different state is a kernel mapping of its own, and the kernel
 * limits their number ({@code vm.max_map_count}); past it, calls fail with an {@code IOException}.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads; operations on one region are serialised, access through
 * segments is not. <b>Lifecycle.</b> {@link #close()} releases the whole reservation and is idempotent; any other
 * use after close throws {@code IllegalStateException}.
 */
public final class Region implements AutoCloseable {
    private final RegionCore core;

    static {
        io.mmf4j.internal.vm.RegionAccess.install(region -> region.core);
    }

    Region(RegionCore core) {
        this.core = core;
    }

    /**
     * The address of the first byte of the region.
     *
     * @return the start address, a multiple of the allocation granularity
     */
    public long address() {
        return core.address();
    }

    /**
     * The size of the region in bytes, a multiple of {@link #pageSize()}.
     *
     * @return the size in bytes
     */
    public long size() {
        return core.size();
    }

    /**
     * The unit of commit, decommit and protection of this region (large for a large-page region).
     *
     * @return the page size in bytes
     */
    public long pageSize() {
        return core.pageSize();
    }

    /**
     * Whether the region is backed by explicit large pages ({@link VirtualMemory#allocateLargePages}).
     *
     * @return {@code true} for a region of explicit large pages
     */
    public boolean isLargePages() {
        return core.largePages();
    }

    /**
     * Whether {@link #close()} has not been called yet.
     *
     * @return {@code false} once the region is closed
     */
    public boolean isOpen() {
        return core.isOpen();
    }

    /**
     * Commits the pages of the range with {@code protection} (MEM_COMMIT). Reserved pages are backed by memory
     * and read as zero; pages already committed keep their content and take the new protection. Committing may
     * be repeated on any part of the region.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @param protection the protection of the committed pages
     * @param options {@code PageOption.GUARD} to make them guard pages, or none
     * @throws IOException when the OS refuses the memory (commit limit, no free large pages)
     */
    public void commit(long offset, long size, Protection protection, PageOption... options) throws IOException {
        core.commit(offset, size, protection, options);
    }

    /**
     * Decommits the pages of the range (MEM_DECOMMIT): their memory goes back to the OS at once (the resident
     * size drops) and they read as zero when committed again. Reserved pages in the range are left as they are.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @throws IOException when the OS refuses (e.g. the kernel's map-count limit)
     */
    public void decommit(long offset, long size) throws IOException {
        core.decommit(offset, size);
    }

    /**
     * Changes the protection of committed pages, keeping their content (VirtualProtect).
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @param protection the new protection
     * @param options {@code PageOption.GUARD} to make them guard pages, or none
     * @return the previous protection of the first page of the range
     * @throws IllegalStateException if a page of the range is not committed; nothing is changed then
     * @throws IOException when the OS refuses the change
     */
    public Protection protect(long offset, long size, Protection protection, PageOption... options) throws IOException {
        return core.protect(offset, size, protection, options);
    }

    /**
     * The run of pages around {@code offset} that share state, protection and guard flag (VirtualQuery).
     *
     * @param offset any byte of the region, relative to {@link #address()}
     * @return the run's start, size, state, protection and guard flag
     */
    public RegionInfo query(long offset) {
        return core.query(offset);
    }

    /**
     * A segment over {@code [offset, offset + size)}, valid until one of its pages changes.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes the segment covers, &gt; 0
     * @throws GuardPageException    if the range covers a guard page: that page has become ordinary, ask again
     * @throws IllegalStateException if a page is reserved or its protection does not allow reading
     * @return a segment of exactly {@code size} bytes at {@code address() + offset}
     * @throws IOException when the pages' state cannot be read back from the OS
     */
    public MemorySegment segment(long offset, long size) throws IOException {
        return core.segment(offset, size, false);
    }

    /**
     * A segment as {@link #segment} gives, but usable only by the calling thread (other threads get
     * {@code WrongThreadException}). Invalidating it needs no handshake with all threads, which makes a change of
     * its pages much cheaper — use it where one thread commits, uses and decommits memory. The price: while this
     * thread lives and the segment is valid, a change of its pages made by another thread is refused with
     * {@code IllegalStateException}. Once this thread has ended, others may change the pages freely.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes the segment covers, &gt; 0
     * @throws GuardPageException    if the range covers a guard page: that page has become ordinary, ask again
     * @throws IllegalStateException if a page is reserved or its protection does not allow reading
     * @return a segment of exactly {@code size} bytes at {@code address() + offset}, confined to this thread
     * @throws IOException when the pages' state cannot be read back from the OS
     */
    public MemorySegment confinedSegment(long offset, long size) throws IOException {
        return core.segment(offset, size, true);
    }

    /**
     * Locks the pages in physical memory (VirtualLock, mlock): they are resident and stay so until unlocked,
     * decommitted or released.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @throws IOException if the OS refuses, e.g. over {@code RLIMIT_MEMLOCK} ({@code ulimit -l}); the message
     *                     names the errno
     */
    public void lock(long offset, long size) throws IOException {
        core.lock(offset, size);
    }

    /**
     * Undoes {@link #lock} (VirtualUnlock, munlock).
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @throws IOException if the OS refuses
     */
    public void unlock(long offset, long size) throws IOException {
        core.unlock(offset, size);
    }

    /**
     * Brings the pages into memory ahead of use (PrefetchVirtualMemory).
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @return {@code true} if they are resident now; {@code false} if the OS only took a hint (a kernel older
     *         than 5.14 has no way to populate anonymous memory on request)
     * @throws IOException if the OS refuses the request
     */
    public boolean prefetch(long offset, long size) throws IOException {
        return core.prefetch(offset, size);
    }

    /**
     * Says the content of the pages is no longer needed (DiscardVirtualMemory, MADV_FREE): the OS may drop it
     * when memory is short, after which the pages read as zero; until then they keep their content. The pages
     * stay committed and segments over them stay valid.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @throws IOException if the OS refuses the advice
     */
    public void discard(long offset, long size) throws IOException {
        core.discard(offset, size);
    }

    /**
     * Asks for transparent large pages (MADV_HUGEPAGE) over the range.
     *
     * @param offset the first byte of the range, relative to {@link #address()}
     * @param size the number of bytes, &gt; 0; every page holding one of them is acted on
     * @return whether the OS will act on it: {@code false} when it has transparent huge pages turned off
     *         ({@code never}); always {@code true} for a large-page region
     * @throws IOException if the OS refuses the advice
     */
    public boolean adviseLargePages(long offset, long size) throws IOException {
        return core.adviseLargePages(offset, size);
    }

    /**
     * VirtualFree(MEM_RELEASE): releases the whole region, as {@link #close()} does. A release of part of a region
     * is refused, as Windows refuses it: {@code offset} must be 0 and {@code size} 0 or {@link #size()}.
     *
     * @param offset must be 0
     * @param size 0 or {@link #size()}
     * @throws IllegalArgumentException for a partial release; the region is left as it was
     */
    public void release(long offset, long size) {
        core.release(offset, size);
    }

    /**
     * Releases the whole region: its pages become free address space and every segment handed out is invalid.
     * Idempotent.
     *
     * @throws IllegalStateException if a segment of the region is in use by a native call right now, or a
     *                               {@linkplain #confinedSegment confined segment} of another live thread is valid
     */
    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return core.toString();
    }
}
