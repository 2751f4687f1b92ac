package io.mmf4j.internal.vm;

import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.PageAccess;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import io.mmf4j.vm.GuardPageException;
import io.mmf4j.vm.PageOption;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.RegionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemorySegment;
import java.util.Objects;

/**
 * The implementation behind {@link io.mmf4j.vm.Region}: a reservation, the state of each of its pages (the
 * truth for queries and checks — the OS is only told) and the segments handed out over them.
 *
 * <p>Page codes: {@code 0} reserved; {@code 1 + protection.ordinal()} committed; {@link #GUARD} added for a guard
 * page, which the OS holds at no access until it fires; {@link #VIEW} added for pages a mapped view of a file
 * occupies ({@link #placeView}): queried as committed with the view's protection, refused to every other
 * operation, and reserved again when the view closes.
 *
 * <p>Thread-safe: every operation holds the region's monitor. Segments are used without it; the arena handshake
 * in {@link SegmentLeases#invalidate} keeps them from touching pages while those change.
 */
public final class RegionCore {
    private static final int RESERVED = 0;
    private static final int GUARD = 16;
    private static final int VIEW = 32;
    private static final Protection[] PROTECTIONS = Protection.values();

    private final VirtualMemoryPlatform os;
    private final long address;
    private final long size;
    private final long pageSize;
    private final boolean largePages;
    private final PageRuns runs;
    private final SegmentLeases leases = new SegmentLeases();
    private boolean closed;
    private int views;

    private RegionCore(VirtualMemoryPlatform os, long address, long size, long pageSize, boolean largePages) {
        this.os = os;
        this.address = address;
        this.size = size;
        this.pageSize = pageSize;
        this.largePages = largePages;
        this.runs = new PageRuns(size / pageSize, RESERVED);
    }

    private static VirtualMemoryPlatform os() {
        return Platform.current().virtualMemory();
    }

    /** Reserves {@code size} bytes (already rounded) aligned to {@code alignment} (a power of two). */
    public static RegionCore reserve(long size, long alignment) throws IOException {
        VirtualMemoryPlatform os = os();
        return new RegionCore(os, os.reserve(size, alignment), size, os.pageSize(), false);
    }

    public static RegionCore reserveAt(long address, long size) throws IOException {
        VirtualMemoryPlatform os = os();
        return new RegionCore(os, os.reserveAt(address, size), size, os.pageSize(), false);
    }

    /** Reserves {@code size} bytes (a multiple of {@code largePageSize}) whose pages are explicit large pages. */
    public static RegionCore reserveLarge(long size, long largePageSize) throws IOException {
        VirtualMemoryPlatform os = os();
        return new RegionCore(os, os.reserve(size, largePageSize), size, largePageSize, true);
    }

    public long address() {
        return address;
    }

    public long size() {
        return size;
    }

    public long pageSize() {
        return pageSize;
    }

    public boolean largePages() {
        return largePages;
    }

    public synchronized boolean isOpen() {
        return !closed;
    }

    public synchronized void commit(long offset, long length, Protection protection, PageOption... options)
            throws IOException {
        checkOpen();
        int code = code(Checks.notNull(protection, "protection"), options);
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        noViews(from, to, "commit");
        runs.forEach(from, to, (f, t, old) -> {
            if (old == code) {
                return; // already so: content and segments stay as they are
            }
            leases.invalidate(f, t);
            try {
                if (old == RESERVED) {
                    os.commit(address(f), bytes(f, t), access(code), largePages);
                } else {
                    os.protect(address(f), bytes(f, t), access(code));
                }
            } catch (IOException | RuntimeException e) {
                readBack(f, t, old, code, e);
                throw e;
            }
            runs.set(f, t, code);
        });
    }

    public synchronized void decommit(long offset, long length) throws IOException {
        checkOpen();
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        noViews(from, to, "decommit");
        runs.forEach(from, to, (f, t, old) -> {
            if (old != RESERVED) {
                leases.invalidate(f, t);
                try {
                    os.decommit(address(f), bytes(f, t));
                } catch (IOException | RuntimeException e) {
                    readBack(f, t, old, RESERVED, e);
                    throw e;
                }
                runs.set(f, t, RESERVED);
            }
        });
    }

    public synchronized Protection protect(long offset, long length, Protection protection, PageOption... options)
            throws IOException {
        checkOpen();
        int code = code(Checks.notNull(protection, "protection"), options);
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        requireAll(from, to, c -> c != RESERVED, "protect", "is not committed");
        noViews(from, to, "protect");
        Protection previous = protection(runs.get(from));
        runs.forEach(from, to, (f, t, old) -> {
            if (old != code) {
                leases.invalidate(f, t);
                try {
                    os.protect(address(f), bytes(f, t), access(code));
                } catch (IOException | RuntimeException e) {
                    readBack(f, t, old, code, e);
                    throw e;
                }
                runs.set(f, t, code);
            }
        });
        return previous;
    }

    public synchronized RegionInfo query(long offset) {
        checkOpen();
        Objects.checkIndex(offset, size);
        long page = offset / pageSize;
        int code = runs.get(page);
        long start = runs.runStart(page);
        long end = runs.runEnd(page);
        return new RegionInfo(address, address(start), start * pageSize, bytes(start, end),
                code == RESERVED ? PageState.RESERVED : PageState.COMMITTED, protection(code), (code & GUARD) != 0);
    }

    public synchronized MemorySegment segment(long offset, long length, boolean confined) throws IOException {
        checkOpen();
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        noViews(from, to, "segment");
        long guard = runs.firstNotMatching(from, to, c -> (c & GUARD) == 0);
        if (guard >= 0) {
            // The touch: the guard comes off this one page (as PAGE_GUARD's does) and the caller hears of it.
            int code = runs.get(guard) & ~GUARD;
            try {
                os.protect(address(guard), pageSize, access(code));
            } catch (IOException | RuntimeException e) {
                readBack(guard, guard + 1, runs.get(guard), code, e);
                throw e;
            }
            runs.set(guard, guard + 1, code);
            throw new GuardPageException(guard * pageSize);
        }
        requireAll(from, to, c -> c != RESERVED && protection(c).canRead(), "segment", "is not readable");
        long notWritable = runs.firstNotMatching(from, to, c -> protection(c).canWrite());
        MemorySegment pages = leases.lease(from, to, address(from), bytes(from, to), notWritable >= 0,
                confined);
        return pages.asSlice(offset - from * pageSize, length);
    }

    public synchronized void lock(long offset, long length) throws IOException {
        long[] range = accessible(offset, length, "lock");
        os.lock(address(range[0]), bytes(range[0], range[1]));
    }

    public synchronized void unlock(long offset, long length) throws IOException {
        long[] range = committed(offset, length, "unlock");
        os.unlock(address(range[0]), bytes(range[0], range[1]));
    }

    public synchronized boolean prefetch(long offset, long length) throws IOException {
        long[] range = accessible(offset, length, "prefetch");
        boolean writable = runs.firstNotMatching(range[0], range[1], c -> protection(c).canWrite()) < 0;
        return os.prefetch(address(range[0]), bytes(range[0], range[1]), writable);
    }

    public synchronized void discard(long offset, long length) throws IOException {
        long[] range = committed(offset, length, "discard");
        os.discard(address(range[0]), bytes(range[0], range[1]));
    }

    public synchronized boolean adviseLargePages(long offset, long length) throws IOException {
        checkOpen();
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        return largePages || os.adviseLargePages(address(from), bytes(from, to));
    }

    /** Releases the whole reservation; idempotent. Segments over it are invalid afterwards. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (views > 0) {
            throw new IllegalStateException(this + " holds " + views + " mapped view(s); close them before the region");
        }
        leases.invalidate(0, runs.pages());
        try {
            os.release(address, size);
        } catch (IOException e) {
            throw new UncheckedIOException("releasing " + this + " failed; the region stays open", e);
        }
        closed = true;
    }

    /** VirtualFree(MEM_RELEASE): only the whole region may be released. */
    public void release(long offset, long length) {
        if (offset != 0 || (length != 0 && length != size)) {
            throw new IllegalArgumentException("partial release refused: offset " + offset + " and size " + length
                    + " do not name the whole region (offset 0, size 0 or " + size + "); decommit parts instead");
        }
        close();
    }

    @Override
    public String toString() {
        return "Region[0x" + Long.toHexString(address) + ", +" + size + (largePages ? ", large pages" : "") + "]";
    }

    /**
     * After a failed OS call that was to take pages {@code [from, to)} from {@code old} to {@code wanted}: the
     * kernel may have done part of it ({@code mprotect} is not all-or-nothing: at {@code vm.max_map_count} it
     * fails on a split after changing earlier areas), so the bookkeeping takes what the kernel now says of each
     * page. A page whose access matches neither state gets the code of its kernel protection. If the kernel
     * cannot be read, every page is taken as no-access (reserved if either state was), so no segment is handed
     * out over it; a later commit or protect sets it right. The caller then throws {@code failure}.
     */
    private void readBack(long from, long to, int old, int wanted, Exception failure) {
        boolean reserved = old == RESERVED || wanted == RESERVED;
        runs.set(from, to, reserved ? RESERVED : 1 + Protection.NO_ACCESS.ordinal());
        try {
            long start = address(from);
            long end = address(to);
            for (io.mmf4j.vm.MemoryArea area : os.walk(os.processId())) {
                long s = Math.max(area.start(), start);
                long e = Math.min(area.end(), end);
                if (s < e) {
                    PageAccess kernel = new PageAccess(area.protection().canRead(), area.protection().canWrite(),
                            area.protection().canExecute());
                    int code = access(old).equals(kernel) ? old
                            : access(wanted).equals(kernel) ? wanted
                            : kernel.equals(PageAccess.NONE) && reserved ? RESERVED
                            : 1 + area.protection().ordinal();
                    runs.set((s - address) / pageSize, (e - address) / pageSize, code);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            failure.addSuppressed(unreadable);
        }
    }

    /** The pages {@code [from, to)} of a range that must all be committed for {@code operation}. */
    private long[] committed(long offset, long length, String operation) {
        return pages(offset, length, c -> c != RESERVED, operation, "is not committed");
    }

    /** The pages {@code [from, to)} of a range that must all be committed, unguarded and readable or executable. */
    private long[] accessible(long offset, long length, String operation) {
        return pages(offset, length, c -> c != RESERVED && (c & GUARD) == 0
                && (protection(c).canRead() || protection(c).canExecute()), operation, "is not accessible");
    }

    /** Checks the region is open, and every page of the range passes {@code test}; returns {@code {from, to}}. */
    private long[] pages(long offset, long length, java.util.function.IntPredicate test, String operation,
                         String what) {
        checkOpen();
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        noViews(from, to, operation);
        requireAll(from, to, test, operation, what);
        return new long[] {from, to};
    }

    private void requireAll(long from, long to, java.util.function.IntPredicate test, String operation, String what) {
        long bad = runs.firstNotMatching(from, to, test);
        if (bad >= 0) {
            int code = runs.get(bad);
            throw new IllegalStateException(operation + ": the page at offset " + bad * pageSize + " " + what + " ("
                    + (code == RESERVED ? "reserved" : "committed " + protection(code)
                    + ((code & GUARD) != 0 ? " + GUARD" : "")) + ")");
        }
    }

    /**
     * Marks the pages of {@code [offset, offset + length)} ({@code offset} page-aligned) as holding a view of a file
     * with {@code protection}; every page must be reserved, with no view on it. The caller then maps the view over
     * them, and calls {@link #viewGone} once they are a reservation again. Returns the address of the first page.
     */
    public synchronized long placeView(long offset, long length, Protection protection) {
        checkOpen();
        if (largePages) {
            throw new IllegalArgumentException("a view cannot be placed in a large-page region: " + this);
        }
        if (offset % pageSize != 0) {
            throw new IllegalArgumentException("regionOffset must be a multiple of the page size " + pageSize + ": "
                    + offset);
        }
        long from = firstPage(offset, length);
        long to = endPage(offset, length);
        requireAll(from, to, c -> c == RESERVED, "place a view", "is not free reserved space");
        runs.set(from, to, VIEW | (1 + protection.ordinal()));
        views++;
        return address(from);
    }

    /** The pages a view occupied are a reservation again (the view has closed). */
    public synchronized void viewGone(long offset, long length) {
        runs.set(firstPage(offset, length), endPage(offset, length), RESERVED);
        views--;
    }

    private void noViews(long from, long to, String operation) {
        long view = runs.firstNotMatching(from, to, c -> (c & VIEW) == 0);
        if (view >= 0) {
            throw new IllegalStateException(operation + ": the page at offset " + view * pageSize
                    + " holds a mapped view of a file; close the view first");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    private long firstPage(long offset, long length) {
        Checks.positive(length, "size");
        Objects.checkFromIndexSize(offset, length, size);
        return offset / pageSize;
    }

    private long endPage(long offset, long length) {
        return (offset + length + pageSize - 1) / pageSize;
    }

    private long address(long page) {
        return address + page * pageSize;
    }

    private long bytes(long fromPage, long toPage) {
        return (toPage - fromPage) * pageSize;
    }

    private static int code(Protection protection, PageOption... options) {
        int code = 1 + protection.ordinal();
        for (PageOption option : Checks.notNull(options, "options")) {
            if (Checks.notNull(option, "option") == PageOption.GUARD) {
                code |= GUARD;
            }
        }
        return code;
    }

    private static Protection protection(int code) {
        return code == RESERVED ? Protection.NO_ACCESS : PROTECTIONS[(code & ~(GUARD | VIEW)) - 1];
    }

    private static PageAccess access(int code) {
        if ((code & GUARD) != 0) {
            return PageAccess.NONE;
        }
        Protection p = protection(code);
        return new PageAccess(p.canRead(), p.canWrite(), p.canExecute());
    }
}
