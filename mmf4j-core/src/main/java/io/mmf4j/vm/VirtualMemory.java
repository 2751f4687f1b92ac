package io.mmf4j.vm;

import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import io.mmf4j.internal.vm.RegionCore;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Entry points to virtual memory: reserve address space ({@link #reserve}), reserve and commit in one step
 * ({@link #allocate}), and list every mapping of a process ({@link #walk()}) — Win32's VirtualAlloc and the
 * Win32 article's ProcessWalker.
 *
 * {@snippet :
 * try (Region heap = VirtualMemory.allocate(1 << 20, Protection.READ_WRITE)) {
 *     heap.segment(0, 8).set(ValueLayout.JAVA_LONG, 0, 7);
 * }
 * for (MemoryArea area : VirtualMemory.walk()) {
 *     System.out.println(area.type() + " " + area.size() + " " + area.path().orElse(""));
 * }
 * }
 *
 * <p>Stateless and thread-safe.
 */
public final class VirtualMemory {
    /** No address space is larger than 2^56 bytes (five-level paging); a larger alignment is a mistake. */
    private static final long MAX_ALIGNMENT = 1L << 56;

    private VirtualMemory() {}

    private static VirtualMemoryPlatform os() {
        return Platform.current().virtualMemory();
    }

    /**
     * The size of a page: the unit of commit, decommit and protection (4096 on Linux x86_64).
     *
     * @return the page size in bytes
     */
    public static long pageSize() {
        return os().pageSize();
    }

    /**
     * The unit in which reservations are sized and aligned (a page on Linux; 64 KiB on Windows).
     *
     * @return the allocation granularity in bytes
     */
    public static long allocationGranularity() {
        return os().allocationGranularity();
    }

    /**
     * The size of an explicit large page, if the OS has them (2 MiB on Linux x86_64).
     *
     * @return the large page size, or empty when the OS has none
     */
    public static OptionalLong largePageSize() {
        return os().largePageSize();
    }

    /**
     * Reserves {@code size} bytes of address space, rounded up to the {@linkplain #allocationGranularity()
     * allocation granularity}. No memory is committed: every page is {@link PageState#RESERVED}.
     *
     * @param size the number of bytes, &gt; 0
     * @throws IOException when the OS has no room for it
     * @return the new region, every page reserved
     */
    public static Region reserve(long size) throws IOException {
        return reserve(size, allocationGranularity());
    }

    /**
     * Reserves {@code size} bytes at an address that is a multiple of {@code alignment}.
     *
     * @param size the number of bytes, &gt; 0; rounded up to the allocation granularity
     * @param alignment a power of two; values below the allocation granularity mean the granularity
     * @return the new region, every page reserved, its address a multiple of {@code alignment}
     * @throws IOException when the OS has no room for it
     */
    public static Region reserve(long size, long alignment) throws IOException {
        Checks.positive(alignment, "alignment");
        if (Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + alignment);
        }
        if (alignment > MAX_ALIGNMENT) {
            throw new IllegalArgumentException("alignment is larger than the address space: " + alignment);
        }
        long granularity = allocationGranularity();
        long rounded = roundUp(size, granularity, "size");
        if (rounded > Long.MAX_VALUE - alignment) {
            throw new IllegalArgumentException("size " + size + " with alignment " + alignment + " is too large");
        }
        return new Region(RegionCore.reserve(rounded, Math.max(alignment, granularity)));
    }

    /**
     * Reserves exactly {@code [address, address + size)}. If any part of that range is in use the call fails and
     * leaves it untouched — it never replaces an existing mapping.
     *
     * @param address the first byte, a positive multiple of the allocation granularity
     * @param size the number of bytes, &gt; 0; rounded up to the allocation granularity
     * @throws IllegalArgumentException if {@code address} is not a multiple of the allocation granularity
     * @throws IOException              if the range is in use or outside the address space
     * @return the new region at exactly {@code address}
     */
    public static Region reserveAt(long address, long size) throws IOException {
        long granularity = allocationGranularity();
        if (address <= 0 || address % granularity != 0) {
            throw new IllegalArgumentException("address must be a positive multiple of " + granularity + ": 0x"
                    + Long.toHexString(address));
        }
        long rounded = roundUp(size, granularity, "size");
        if (address + rounded < address) {
            throw new IllegalArgumentException("address 0x" + Long.toHexString(address) + " + size " + size
                    + " overflows the address space");
        }
        return new Region(RegionCore.reserveAt(address, rounded));
    }

    /**
     * Reserves {@code size} bytes and commits them all with {@code protection} (VirtualAlloc with
     * MEM_RESERVE | MEM_COMMIT). Nothing is left behind when the commit is refused.
     *
     * @param size the number of bytes, &gt; 0; rounded up to the allocation granularity
     * @param protection the protection of every page
     * @return the new region, every page committed and zero
     * @throws IOException when the OS has no room for the reservation or refuses the memory (commit limit)
     */
    public static Region allocate(long size, Protection protection) throws IOException {
        Checks.notNull(protection, "protection");
        Region region = reserve(size);
        return commitAll(region, protection);
    }

    /**
     * Allocates {@code size} bytes (rounded up to the large page size) backed by explicit large pages
     * (MEM_LARGE_PAGES, MAP_HUGETLB). The region's {@link Region#pageSize()} is the large page size.
     *
     * @param size the number of bytes, &gt; 0; rounded up to the large page size
     * @param protection the protection of every page
     * @throws IOException naming the configuration to change when the OS has no free large pages
     *                     ({@code sysctl vm.nr_hugepages}); nothing is left behind
     * @return the new region, every page committed and zero
     */
    public static Region allocateLargePages(long size, Protection protection) throws IOException {
        Checks.notNull(protection, "protection");
        long large = largePageSize().orElseThrow(() -> new IOException("this OS offers no explicit large pages"));
        Region region = new Region(RegionCore.reserveLarge(roundUp(size, large, "size"), large));
        return commitAll(region, protection);
    }

    /**
     * Every mapping of this process, in address order.
     *
     * @return the mappings, one per run of pages the kernel keeps apart
     * @throws IOException when {@code /proc/self/smaps} (or the OS's list) cannot be read
     */
    public static List<MemoryArea> walk() throws IOException {
        return os().walk(os().processId());
    }

    /**
     * Every mapping of process {@code pid}, in address order.
     *
     * @param pid the process id, &gt; 0
     * @throws java.nio.file.NoSuchFileException   if there is no such process
     * @throws java.nio.file.AccessDeniedException if this process may not read that one's memory map
     * @return the mappings, one per run of pages the kernel keeps apart
     */
    public static List<MemoryArea> walk(long pid) throws IOException {
        Checks.positive(pid, "pid");
        return os().walk(pid);
    }

    /**
     * What lies at {@code address} in this process, as the OS sees it (VirtualQuery on any address): the mapping
     * that holds it, or the {@link PageState#FREE} gap between mappings. For pages of a {@link Region},
     * {@link Region#query(long)} is exact; this reports the kernel's mappings, in which a guard page shows as
     * inaccessible. {@code allocationBase} and {@code address} are the start of the mapping or gap, {@code offset}
     * is 0.
     *
     * @param address any address of this process, &gt;= 0
     * @throws IllegalArgumentException if {@code address} is negative (kernel space)
     * @return the run that holds {@code address}: its start, size, state and protection
     * @throws IOException when the process's mappings cannot be read
     */
    public static RegionInfo query(long address) throws IOException {
        if (address < 0) {
            throw new IllegalArgumentException("address is in kernel space: 0x" + Long.toHexString(address));
        }
        long page = address & -pageSize();
        long gapStart = 0;
        for (MemoryArea area : walk()) {
            if (Long.compareUnsigned(area.end(), page) <= 0) {
                gapStart = area.end();
            } else if (Long.compareUnsigned(area.start(), page) <= 0) {
                return new RegionInfo(area.start(), area.start(), 0, area.size(), area.state(), area.protection(),
                        false);
            } else {
                return free(gapStart, area.start());
            }
        }
        return free(gapStart, Long.MAX_VALUE & -pageSize());
    }

    private static RegionInfo free(long start, long end) {
        return new RegionInfo(start, start, 0, end - start, PageState.FREE, Protection.NO_ACCESS, false);
    }

    private static Region commitAll(Region region, Protection protection) throws IOException {
        try {
            region.commit(0, region.size(), protection);
            return region;
        } catch (IOException | RuntimeException e) {
            region.close();
            throw e;
        }
    }

    private static long roundUp(long size, long unit, String name) {
        Checks.positive(size, name);
        if (size > Long.MAX_VALUE - unit) {
            throw new IllegalArgumentException(name + " is too large: " + size);
        }
        return (size + unit - 1) / unit * unit;
    }
}
