package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Mman;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.PlacedMappings;
import java.io.IOException;

/**
 * {@link PlacedMappings} on Linux: {@code MAP_FIXED_NOREPLACE} where nothing may be replaced (a kernel before 4.17
 * treats the address as a hint: the mapping it gave elsewhere is undone and the call fails), {@code MAP_FIXED}
 * over the caller's own reservations, and a {@code PROT_NONE | MAP_NORESERVE} mapping to put a reservation back
 * (as {@link LinuxVirtualMemory} reserves). Stateless and thread-safe.
 */
final class LinuxPlacedMappings implements PlacedMappings {
    static final LinuxPlacedMappings INSTANCE = new LinuxPlacedMappings();

    private static final int RESERVE_FLAGS = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_NORESERVE | Mman.MAP_FIXED;

    private LinuxPlacedMappings() {}

    @Override
    public void mapAt(OsFile file, long offset, long length, MapAccess access, long address) throws IOException {
        String subject = file.path() + " [" + offset + ", +" + length + ") at " + LinuxVirtualMemory.range(address, length);
        long got;
        try {
            got = Mman.mmap(address, length, LinuxMappings.protection(access), flags(access) | Mman.MAP_FIXED_NOREPLACE,
                    ((LinuxFile) file).fd(), offset, subject);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EEXIST) {
                throw new IOException("address range " + LinuxVirtualMemory.range(address, length)
                        + " is already in use, in whole or in part: nothing was mapped there", e);
            }
            throw LinuxErrors.translate(e);
        }
        if (got != address) {
            unmap(got, length);
            throw new IOException("address range " + LinuxVirtualMemory.range(address, length)
                    + " could not be mapped: the kernel offered 0x" + Long.toHexString(got) + " instead");
        }
    }

    @Override
    public void mapOver(OsFile file, long offset, long length, MapAccess access, long address) throws IOException {
        String subject = file.path() + " [" + offset + ", +" + length + ") over " + LinuxVirtualMemory.range(address, length);
        try {
            Mman.mmap(address, length, LinuxMappings.protection(access), flags(access) | Mman.MAP_FIXED,
                    ((LinuxFile) file).fd(), offset, subject);
        } catch (ErrnoException e) {
            reserveOver(address, length); // a kernel before 6.12 may have left a hole: make it a reservation again
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void reserveOver(long address, long length) throws IOException {
        try {
            Mman.mmap(address, length, Mman.PROT_NONE, RESERVE_FLAGS, -1, 0L, LinuxVirtualMemory.range(address, length));
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void unmap(long address, long length) throws IOException {
        try {
            Mman.munmap(address, length, LinuxVirtualMemory.range(address, length));
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    private static int flags(MapAccess access) {
        return access.shared() ? Mman.MAP_SHARED : Mman.MAP_PRIVATE;
    }
}
