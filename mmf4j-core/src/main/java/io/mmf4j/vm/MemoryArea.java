package io.mmf4j.vm;

import io.mmf4j.internal.Checks;
import java.util.Optional;
import java.util.Set;

/**
 * One range of a process's address space as {@link VirtualMemory#walk()} reports it: a line of
 * {@code /proc/PID/maps} with the sizes of its {@code smaps} entry — one row of VMMap or of the Win32 article's
 * ProcessWalker. Sizes are in bytes. Addresses are unsigned: the kernel's {@code [vsyscall]} page lies at
 * {@code 0xffffffffff600000}, a negative {@code long} (compare with {@link Long#compareUnsigned}).
 *
 * @param start        first address of the range
 * @param end          the address just past the range
 * @param state        {@link PageState#RESERVED} for private inaccessible memory with nothing resident (reserved
 *                     address space), {@link PageState#COMMITTED} otherwise
 * @param protection   the protection from the {@code rwx} permissions
 * @param shared       whether the mapping is shared ({@code s}) rather than private copy-on-write ({@code p})
 * @param type         what the range is used for
 * @param path         the file behind the mapping, or the kernel's name such as {@code [heap]}; empty when anonymous
 * @param fileOffset   offset of the mapping in its file
 * @param resident     {@code Rss}: bytes in physical memory
 * @param proportional {@code Pss}: resident bytes divided among the processes that share them
 * @param privateDirty {@code Private_Dirty}
 * @param sharedDirty  {@code Shared_Dirty}
 * @param privateClean {@code Private_Clean}
 * @param sharedClean  {@code Shared_Clean}
 * @param swapped      {@code Swap}: bytes in swap
 * @param locked       {@code Locked}: bytes locked in memory
 * @param proportionalDirty {@code Pss_Dirty}: dirty resident bytes divided among the processes that share them
 * @param device       the device of the file behind the mapping as {@code major:minor} in hex ({@code 00:00}
 *                     when none), as {@code pmap -X} shows it
 * @param inode        the inode of the file behind the mapping; 0 when none
 * @param flags        the kernel's two-letter {@code VmFlags} of the mapping ({@code rd}, {@code wr}, {@code sh},
 *                     {@code lo} for locked, {@code dd} for not dumped, ...); empty when the kernel does not say
 */
public record MemoryArea(long start, long end, PageState state, Protection protection, boolean shared,
                         RegionType type, Optional<String> path, long fileOffset, long resident, long proportional,
                         long privateDirty, long sharedDirty, long privateClean, long sharedClean, long swapped,
                         long locked, long proportionalDirty, String device, long inode, Set<String> flags) {
    /** An area; all arguments are required ({@code path} empty when the area has no file), {@code flags} is copied. */
    public MemoryArea {
        Checks.notNull(state, "state");
        Checks.notNull(protection, "protection");
        Checks.notNull(type, "type");
        Checks.notNull(path, "path");
        Checks.notNull(device, "device");
        flags = Set.copyOf(Checks.notNull(flags, "flags"));
    }

    /**
     * An area without the file identity, {@code Pss_Dirty} and flags (for callers that do not know them).
     *
     * @param start first address of the range
     * @param end the address just past the range
     * @param state reserved or committed
     * @param protection the protection from the {@code rwx} permissions
     * @param shared whether the mapping is shared rather than private copy-on-write
     * @param type what the range is used for
     * @param path the file behind the mapping or the kernel's name; empty when anonymous
     * @param fileOffset offset of the mapping in its file
     * @param resident {@code Rss}: bytes in physical memory
     * @param proportional {@code Pss}: resident bytes divided among the processes that share them
     * @param privateDirty {@code Private_Dirty}
     * @param sharedDirty {@code Shared_Dirty}
     * @param privateClean {@code Private_Clean}
     * @param sharedClean {@code Shared_Clean}
     * @param swapped {@code Swap}: bytes in swap
     * @param locked {@code Locked}: bytes locked in memory
     */
    public MemoryArea(long start, long end, PageState state, Protection protection, boolean shared, RegionType type,
                      Optional<String> path, long fileOffset, long resident, long proportional, long privateDirty,
                      long sharedDirty, long privateClean, long sharedClean, long swapped, long locked) {
        this(start, end, state, protection, shared, type, path, fileOffset, resident, proportional, privateDirty,
                sharedDirty, privateClean, sharedClean, swapped, locked, 0, "00:00", 0, Set.of());
    }

    /**
     * The size of the range in bytes.
     *
     * @return {@code end - start}
     */
    public long size() {
        return end - start;
    }
}
