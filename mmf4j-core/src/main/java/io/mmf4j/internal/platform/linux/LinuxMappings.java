package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.FaultGuardedCas;
import io.mmf4j.internal.ffi.linux.Mman;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.MappingPlatform;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** {@link MappingPlatform} over mmap, msync, mincore and madvise. Stateless and thread-safe. */
final class LinuxMappings implements MappingPlatform {
    private final long pageSize;

    LinuxMappings(long pageSize) {
        this.pageSize = pageSize;
    }

    @Override
    public long pageSize() {
        return pageSize;
    }

    @Override
    public long allocationGranularity() {
        return pageSize; // Linux maps at any page; Windows' 64 KiB rule does not apply
    }

    @Override
    @SuppressWarnings("restricted") // the segment covers exactly the range mmap just returned
    public MemorySegment map(OsFile file, long offset, long length, MapAccess access, Arena arena) throws IOException {
        if (offset % pageSize != 0) {
            throw new IllegalArgumentException("offset " + offset + " is not a multiple of the page size " + pageSize);
        }
        int fd = LinuxFile.of(file).fd();
        String subject = file.path() + " [" + offset + ", +" + length + ")";
        long address = LinuxErrors.call(() -> Mman.mmap(0L, length, protection(access),
                access.shared() ? Mman.MAP_SHARED : Mman.MAP_PRIVATE, fd, offset, subject));
        return MemorySegment.ofAddress(address).reinterpret(length, arena, segment -> unmapQuietly(address, length, subject));
    }

    @Override
    public boolean compareAndSetLong(MemorySegment mapping, long offset, long expected, long value) {
        if (!FaultGuardedCas.available()) {
            return MappingPlatform.super.compareAndSetLong(mapping, offset, expected, value);
        }
        return guarded(FaultGuardedCas.compareAndSetLong(mapping, offset, expected, value));
    }

    @Override
    public boolean compareAndSetInt(MemorySegment mapping, long offset, int expected, int value) {
        if (!FaultGuardedCas.available()) {
            return MappingPlatform.super.compareAndSetInt(mapping, offset, expected, value);
        }
        return guarded(FaultGuardedCas.compareAndSetInt(mapping, offset, expected, value));
    }

    /** A guarded CAS's result; a fault is the JVM's own error for a vanished page, so callers catch one type. */
    private static boolean guarded(int result) {
        if (result == FaultGuardedCas.FAULTED) {
            throw new InternalError("a fault occurred in an unsafe memory access operation: the page under the word"
                    + " is gone (its file was truncated, or its tmpfs is full)");
        }
        return result == FaultGuardedCas.SET;
    }

    @Override
    @SuppressWarnings("restricted") // covers no memory at all: its arena is closed before anyone can use it
    public java.util.Optional<MemorySegment> closedSegment() {
        Arena arena = Arena.ofShared();
        MemorySegment segment = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, arena, null);
        arena.close();
        return java.util.Optional.of(segment);
    }

    static int protection(MapAccess access) {
        int prot = Mman.PROT_NONE;
        if (access.read()) {
            prot |= Mman.PROT_READ;
        }
        if (access.write()) {
            prot |= Mman.PROT_WRITE;
        }
        if (access.execute()) {
            prot |= Mman.PROT_EXEC;
        }
        return prot;
    }

    private static void unmapQuietly(long address, long length, String subject) {
        try {
            Mman.munmap(address, length, subject);
        } catch (ErrnoException e) {
            // munmap of a range we mapped cannot fail short of a bug; an arena's cleanup must not throw.
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** The whole pages a mapping (or a window of one) covers, and how messages name them. */
    private record PageSpan(long start, long length, String subject) {}

    private PageSpan span(MemorySegment mapping) {
        long start = mapping.address() - mapping.address() % pageSize;
        long end = mapping.address() + mapping.byteSize();
        return new PageSpan(start, end - start, "mapping at 0x" + Long.toHexString(start));
    }

    @Override
    public boolean replaceWithPlaceholder(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        try {
            Mman.mmap(span.start(), span.length(), Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_NORESERVE | Mman.MAP_FIXED, -1, 0, span.subject());
            return true;
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void flush(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        LinuxErrors.run(() -> Mman.msync(span.start(), span.length(), Mman.MS_SYNC, span.subject()));
    }

    @Override
    public boolean[] residency(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        long pageCount = (span.length() + pageSize - 1) / pageSize;
        if (pageCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(span.subject() + " has " + pageCount + " pages, more than one boolean[] holds");
        }
        int pages = (int) pageCount;
        boolean[] resident = new boolean[pages];
        int chunk = 1 << 20; // pages per mincore call: the native vector stays at 1 MiB whatever the span
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vector = arena.allocate(Math.max(1, Math.min(pages, chunk)));
            for (int done = 0; done < pages; done += chunk) {
                int count = Math.min(chunk, pages - done);
                long start = span.start() + done * pageSize;
                long length = Math.min(span.length() - done * pageSize, count * pageSize);
                LinuxErrors.run(() -> Mman.mincore(start, length, vector, span.subject()));
                for (int i = 0; i < count; i++) {
                    resident[done + i] = (vector.get(ValueLayout.JAVA_BYTE, i) & 1) != 0;
                }
            }
        }
        return resident;
    }

    @Override
    public void willNeed(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        LinuxErrors.run(() -> Mman.madvise(span.start(), span.length(), Mman.MADV_WILLNEED, span.subject()));
    }

    @Override
    public void lock(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        LinuxErrors.run(() -> Mman.mlock(span.start(), span.length(), span.subject()));
    }

    @Override
    public void unlock(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        LinuxErrors.run(() -> Mman.munlock(span.start(), span.length(), span.subject()));
    }

    @Override
    public void pageOut(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        try {
            Mman.madvise(span.start(), span.length(), Mman.MADV_PAGEOUT, span.subject());
        } catch (ErrnoException e) {
            // MADV_PAGEOUT arrived in Linux 5.4; an older kernel says EINVAL, and the advice is only a hint.
            if (e.errno() != Errno.EINVAL) {
                throw LinuxErrors.translate(e);
            }
        }
    }
}
