package io.mmf4j.vm;

import io.mmf4j.internal.Checks;

/**
 * What {@link Region#query(long)} and {@link VirtualMemory#query(long)} report — Win32's {@code MEMORY_BASIC_INFORMATION}: the run of consecutive
 * pages around the queried offset that share one state, protection and guard flag.
 *
 * @param allocationBase the address of the region the run belongs to ({@code AllocationBase})
 * @param address        the address of the first page of the run ({@code BaseAddress})
 * @param offset         the offset of that page within the region
 * @param size           the size in bytes of the run ({@code RegionSize}), a multiple of the region's page size
 * @param state          {@link PageState#RESERVED} or {@link PageState#COMMITTED}; {@link PageState#FREE} only from
 *                       {@link VirtualMemory#query(long)} on an address no mapping holds
 * @param protection     the protection of committed pages; {@link Protection#NO_ACCESS} for reserved pages
 * @param guard          whether the pages are guard pages that have not fired yet
 */
public record RegionInfo(long allocationBase, long address, long offset, long size, PageState state,
                         Protection protection, boolean guard) {
    /** A run; {@code state} and {@code protection} are required, {@code offset} is &gt;= 0 and {@code size} &gt; 0. */
    public RegionInfo {
        Checks.notNull(state, "state");
        Checks.notNull(protection, "protection");
        Checks.nonNegative(offset, "offset");
        Checks.positive(size, "size");
    }
}
