package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Mman;
import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.PageAccess;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import io.mmf4j.vm.MemoryArea;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@link VirtualMemoryPlatform} on Linux: reservations are {@code PROT_NONE | MAP_NORESERVE} anonymous mappings,
 * commit maps fresh anonymous pages over them with {@code MAP_FIXED} (without {@code MAP_NORESERVE}, so writable
 * pages take commit charge as Windows' MEM_COMMIT does), decommit maps a fresh reservation over them (the memory
 * and its charge go back to the kernel at once, and the pages are zero when committed again), protect is
 * {@code mprotect}. Since Linux 6.12 a failed {@code MAP_FIXED} mmap leaves the old mapping in place; on older
 * kernels {@link #refill} puts a reservation back into any hole a failure left.
 *
 * <p>Stateless and thread-safe; callers serialise calls on one range.
 */
final class LinuxVirtualMemory implements VirtualMemoryPlatform {
    static final LinuxVirtualMemory INSTANCE = new LinuxVirtualMemory();

    private static final int RESERVE_FLAGS = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_NORESERVE;
    private static final int COMMIT_FLAGS = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
    private static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    /** The subject given to the hot calls; {@link #located} names the range when one fails. */
    private static final String HOT = "region";

    private final long pageSize = Unistd.sysconf(Unistd.SC_PAGESIZE);

    private LinuxVirtualMemory() {}

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public long allocationGranularity() {
        return pageSize; // Linux reserves at any page; Windows' 64 KiB rule does not apply
    }

    @Override
    public OptionalLong largePageSize() {
        return ProcSmaps.hugePageSize();
    }

    @Override
    public long reserve(long size, long alignment) throws IOException {
        if (alignment <= pageSize) {
            try {
                return mmap(0L, size, Mman.PROT_NONE, RESERVE_FLAGS, HOT);
            } catch (ErrnoException e) {
                throw located(e, "reserve " + size);
            }
        }
        // Over-reserve by the alignment, then give back the unaligned head and the tail.
        long span = Math.addExact(size, alignment);
        long raw = mmap(0L, span, Mman.PROT_NONE, RESERVE_FLAGS, "reserve " + size + " aligned " + alignment);
        long aligned = (raw + alignment - 1) & -alignment;
        try {
            if (aligned > raw) {
                Mman.munmap(raw, aligned - raw, range(raw, aligned - raw));
            }
            long tail = raw + span - (aligned + size);
            if (tail > 0) {
                Mman.munmap(aligned + size, tail, range(aligned + size, tail));
            }
        } catch (ErrnoException e) {
            throw new AssertionError("munmap of part of our own reservation failed", e);
        }
        return aligned;
    }

    @Override
    public long reserveAt(long address, long size) throws IOException {
        String subject = range(address, size);
        long got;
        try {
            got = Mman.mmap(address, size, Mman.PROT_NONE, RESERVE_FLAGS | Mman.MAP_FIXED_NOREPLACE, -1, 0L, subject);
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EEXIST) {
                throw new IOException("address range " + subject + " is already in use, in whole or in part", e);
            }
            throw e;
        }
        if (got != address) { // a kernel before 4.17 ignores MAP_FIXED_NOREPLACE and treats the address as a hint
            unmap(got, size);
            throw new IOException("address range " + subject + " could not be reserved: the kernel offered 0x"
                    + Long.toHexString(got) + " instead");
        }
        return got;
    }

    @Override
    public void release(long address, long size) throws IOException {
        try {
            Mman.munmap(address, size, HOT);
        } catch (ErrnoException e) {
            throw located(e, range(address, size));
        }
    }

    @Override
    public void commit(long address, long size, PageAccess access, boolean largePages) throws IOException {
        int flags = largePages ? COMMIT_FLAGS | Mman.MAP_HUGETLB : COMMIT_FLAGS;
        try {
            mmap(address, size, prot(access), flags, HOT);
        } catch (ErrnoException e) {
            refill(address, size);
            IOException failure = located(e, "commit " + range(address, size));
            if (largePages && e.errno() == Errno.ENOMEM) {
                throw new IOException("no free explicit huge pages for " + range(address, size) + " ("
                        + ProcSmaps.hugePageSummary() + "); configure them with sysctl vm.nr_hugepages", failure);
            }
            throw failure;
        }
    }

    @Override
    public void decommit(long address, long size) throws IOException {
        try {
            mmap(address, size, Mman.PROT_NONE, RESERVE_FLAGS | Mman.MAP_FIXED, HOT);
        } catch (ErrnoException e) {
            refill(address, size);
            throw located(e, "decommit " + range(address, size));
        }
    }

    @Override
    public void protect(long address, long size, PageAccess access) throws IOException {
        try {
            Mman.mprotect(address, size, prot(access), HOT);
        } catch (ErrnoException e) {
            throw located(e, range(address, size));
        }
    }

    @Override
    public void lock(long address, long size) throws IOException {
        Mman.mlock(address, size, range(address, size));
    }

    @Override
    public void unlock(long address, long size) throws IOException {
        Mman.munlock(address, size, range(address, size));
    }

    @Override
    public boolean prefetch(long address, long size, boolean writable) throws IOException {
        // MADV_WILLNEED does nothing for anonymous memory that is not in swap; MADV_POPULATE_* (Linux 5.14)
        // faults the pages in as PrefetchVirtualMemory means. Older kernels get the hint and an honest false.
        try {
            Mman.madvise(address, size, writable ? Mman.MADV_POPULATE_WRITE : Mman.MADV_POPULATE_READ,
                    range(address, size));
            return true;
        } catch (ErrnoException e) {
            if (e.errno() != Errno.EINVAL) {
                throw e;
            }
        }
        Mman.madvise(address, size, Mman.MADV_WILLNEED, range(address, size));
        return false;
    }

    @Override
    public void discard(long address, long size) throws IOException {
        Mman.madvise(address, size, Mman.MADV_FREE, range(address, size));
    }

    @Override
    public boolean adviseLargePages(long address, long size) throws IOException {
        try {
            Mman.madvise(address, size, Mman.MADV_HUGEPAGE, range(address, size));
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EINVAL) {
                return false; // a kernel without transparent huge pages
            }
            throw e;
        }
        // The advice is accepted even when THP is "never": only the mode says whether it will be acted on.
        try {
            return !Files.readString(THP_MODE).contains("[never]");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public List<MemoryArea> walk(long pid) throws IOException {
        return ProcSmaps.read(pid);
    }

    @Override
    public long processId() {
        return Unistd.getpid();
    }

    /** After a failed MAP_FIXED mmap on an old kernel, puts a reservation back wherever the range became a hole. */
    private void refill(long address, long size) {
        for (long page = address; page < address + size; page += pageSize) {
            try {
                Mman.mmap(page, pageSize, Mman.PROT_NONE, RESERVE_FLAGS | Mman.MAP_FIXED_NOREPLACE, -1, 0L, "refill");
            } catch (ErrnoException e) {
                // EEXIST: the page is still mapped, as it should be; anything else leaves nothing better to do.
            }
        }
    }

    /** The same failure, naming what it acted on: built only on failure, so the hot calls allocate no text. */
    private static IOException located(ErrnoException e, String subject) {
        ErrnoException located = new ErrnoException(e.function(), e.errno(), subject);
        located.setStackTrace(e.getStackTrace());
        return LinuxErrors.translate(located);
    }

    private static long mmap(long address, long size, int prot, int flags, String subject) throws ErrnoException {
        return Mman.mmap(address, size, prot, flags, -1, 0L, subject);
    }

    private static void unmap(long address, long size) {
        try {
            Mman.munmap(address, size, range(address, size));
        } catch (ErrnoException e) {
            throw new AssertionError("munmap of our own mapping failed", e);
        }
    }

    private static int prot(PageAccess access) {
        return (access.read() ? Mman.PROT_READ : 0) | (access.write() ? Mman.PROT_WRITE : 0)
                | (access.execute() ? Mman.PROT_EXEC : 0);
    }

    static String range(long address, long size) {
        return "[0x" + Long.toHexString(address) + ", +" + size + ")";
    }
}
