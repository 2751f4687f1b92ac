package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Fcntl;
import io.mmf4j.internal.ffi.linux.Futex;
import io.mmf4j.internal.ffi.linux.Mman;
import io.mmf4j.internal.ffi.linux.Stat;
import io.mmf4j.internal.ffi.linux.SysFile;
import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@link Platform} for Linux x86_64, over libc downcalls. Stateless and thread-safe. */
public final class LinuxPlatform implements Platform {
    private static final int NEW_FILE_MODE = 0666; // narrowed by the umask, as Java's own file creation is

    private final long pageSize = Unistd.sysconf(Unistd.SC_PAGESIZE);

    @Override
    public String name() {
        return "linux-x86_64";
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
    public OsFile openFile(Path path, FileAccess access, FileCreation creation) throws IOException {
        String name = path.toString();
        int base = (access == FileAccess.READ ? Fcntl.O_RDONLY : Fcntl.O_RDWR) | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY;
        try {
            return switch (creation) {
                case OPEN_EXISTING -> LinuxFile.checked(Fcntl.open(name, base, 0), name, false, access);
                case CREATE_NEW -> LinuxFile.checked(
                        Fcntl.open(name, base | Fcntl.O_CREAT | Fcntl.O_EXCL, NEW_FILE_MODE), name, true, access);
                case CREATE_OR_TRUNCATE -> openOrCreate(name, base | Fcntl.O_TRUNC, access);
                case OPEN_OR_CREATE -> openOrCreate(name, base, access);
            };
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    /** O_CREAT cannot tell whether it created the file, so try exclusive creation first. */
    private static OsFile openOrCreate(String name, int flags, FileAccess access) throws IOException {
        while (true) {
            try {
                int fd = Fcntl.open(name, flags | Fcntl.O_CREAT | Fcntl.O_EXCL, NEW_FILE_MODE);
                return LinuxFile.checked(fd, name, true, access);
            } catch (ErrnoException e) {
                if (e.errno() != io.mmf4j.internal.ffi.linux.Errno.EEXIST) {
                    throw e;
                }
            }
            try {
                return LinuxFile.checked(Fcntl.open(name, flags, 0), name, false, access);
            } catch (ErrnoException e) {
                if (e.errno() != io.mmf4j.internal.ffi.linux.Errno.ENOENT) {
                    throw e;
                }
                // removed between the two opens: try again
            }
        }
    }

    @Override
    @SuppressWarnings("restricted") // the segment covers exactly the range mmap just returned
    public MemorySegment map(OsFile file, long offset, long length, MapAccess access, Arena arena) throws IOException {
        if (offset % pageSize != 0) {
            throw new IllegalArgumentException("offset " + offset + " is not a multiple of the page size " + pageSize);
        }
        LinuxFile linuxFile = (LinuxFile) file;
        String subject = file.path() + " [" + offset + ", +" + length + ")";
        long address;
        try {
            address = Mman.mmap(0L, length, protection(access), access.shared() ? Mman.MAP_SHARED : Mman.MAP_PRIVATE,
                    linuxFile.fd(), offset, subject);
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
        return MemorySegment.ofAddress(address).reinterpret(length, arena, segment -> unmapQuietly(address, length, subject));
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
    public void flush(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        try {
            Mman.msync(span.start(), span.length(), Mman.MS_SYNC, span.subject());
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public boolean[] residency(MemorySegment mapping) throws IOException {
        PageSpan span = span(mapping);
        int pages = Math.toIntExact((span.length() + pageSize - 1) / pageSize);
        boolean[] resident = new boolean[pages];
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment vector = arena.allocate(Math.max(1, pages));
            Mman.mincore(span.start(), span.length(), vector, span.subject());
            for (int i = 0; i < pages; i++) {
                resident[i] = (vector.get(ValueLayout.JAVA_BYTE, i) & 1) != 0;
            }
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
        return resident;
    }

    @Override
    public void willNeed(MemorySegment mapping) throws IOException {
        try {
            advise(mapping, Mman.MADV_WILLNEED);
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void pageOut(MemorySegment mapping) throws IOException {
        try {
            advise(mapping, Mman.MADV_PAGEOUT);
        } catch (ErrnoException e) {
            // MADV_PAGEOUT arrived in Linux 5.4; an older kernel says EINVAL, and the advice is only a hint.
            if (e.errno() != io.mmf4j.internal.ffi.linux.Errno.EINVAL) {
                throw LinuxErrors.translate(e);
            }
        }
    }

    private void advise(MemorySegment mapping, int advice) throws ErrnoException {
        PageSpan span = span(mapping);
        Mman.madvise(span.start(), span.length(), advice, span.subject());
    }

    @Override
    public long processId() {
        return Unistd.getpid();
    }

    @Override
    public boolean awaitChange(MemorySegment word, int expected, long timeoutNanos) throws IOException {
        return Futex.await(word, expected, timeoutNanos) != Futex.TIMED_OUT;
    }

    @Override
    public void wake(MemorySegment word, int count) throws IOException {
        Futex.wake(word, count);
    }

    @Override
    public long processStartStamp(long pid) {
        return ProcStat.startTime(pid);
    }

    @Override
    public int userId() {
        return Unistd.geteuid();
    }

    @Override
    public OsFile openNoFollow(Path path, FileAccess access) throws IOException {
        String name = path.toString();
        int flags = (access == FileAccess.READ ? Fcntl.O_RDONLY : Fcntl.O_RDWR)
                | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY | Fcntl.O_NOFOLLOW | Fcntl.O_NONBLOCK;
        try {
            return LinuxFile.checked(Fcntl.open(name, flags, 0), name, false, access);
        } catch (ErrnoException e) {
            throw e.errno() == io.mmf4j.internal.ffi.linux.Errno.ELOOP
                    ? new java.nio.file.AccessDeniedException(name, null, "is a symbolic link, which a namespace never holds")
                    : LinuxErrors.translate(e);
        }
    }

    @Override
    public OsFile createUnnamed(Path directory, int permissions) throws IOException {
        String name = directory.toString();
        try {
            int fd = Fcntl.open(name, Fcntl.O_TMPFILE | Fcntl.O_RDWR | Fcntl.O_CLOEXEC, permissions);
            Stat.fchmod(fd, permissions, name); // the umask narrowed the mode open gave; the caller's is explicit
            return LinuxFile.adopt(fd, name + "/(unnamed)", true, true);
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void link(OsFile file, Path target) throws IOException {
        String from = "/proc/self/fd/" + ((LinuxFile) file).fd();
        try {
            Unistd.linkat(from, target.toString(), Unistd.AT_SYMLINK_FOLLOW, target.toString());
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public void unlink(Path path) throws IOException {
        try {
            Unistd.unlink(path.toString());
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e); // EPERM (sticky directory) too is AccessDeniedException
        }
    }

    @Override
    public java.io.Closeable lockNameRemoval(Path directory) throws IOException {
        String name = directory.toString();
        int fd;
        try {
            // a directory opened for reading can carry a flock; the lock is on the directory, not on a name in it
            fd = Fcntl.open(name, Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC, 0);
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
        try {
            SysFile.flock(fd, SysFile.LOCK_EX, name);
        } catch (ErrnoException e) {
            closeQuietly(fd, name);
            throw LinuxErrors.translate(e);
        }
        return () -> {
            try {
                Unistd.close(fd, name); // drops the lock
            } catch (ErrnoException e) {
                throw LinuxErrors.translate(e);
            }
        };
    }

    private static void closeQuietly(int fd, String name) {
        try {
            Unistd.close(fd, name);
        } catch (ErrnoException ignored) {
            // the fd is gone either way; the caller reports the original failure
        }
    }

    @Override
    public Optional<FileIdentity> identity(Path path) throws IOException {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino,nlink", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileIdentity((Long) attributes.get("dev"), (Long) attributes.get("ino"),
                    ((Number) attributes.get("nlink")).longValue()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public int holderCount(OsFile file) throws IOException {
        return LinuxHolders.count(file.identity());
    }

    @Override
    public OsFile createAnonymous(String description) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            String shown = "mmf4j:" + description;
            byte[] bytes = shown.getBytes(StandardCharsets.UTF_8);
            MemorySegment cName = arena.allocate(Math.min(bytes.length, 240) + 1L);
            MemorySegment.copy(bytes, 0, cName, ValueLayout.JAVA_BYTE, 0, Math.min(bytes.length, 240));
            int fd = Mman.memfdCreate(cName, Mman.MFD_CLOEXEC, shown);
            return LinuxFile.adopt(fd, "memfd:" + description, true, true);
        } catch (ErrnoException e) {
            throw LinuxErrors.translate(e);
        }
    }

    @Override
    public long handleNumber(OsFile file) {
        return ((LinuxFile) file).fd();
    }

    @Override
    public OsFile openInherited(long processId, long handleNumber, FileAccess access) throws IOException {
        return openFile(Path.of("/proc", Long.toString(processId), "fd", Long.toString(handleNumber)), access,
                FileCreation.OPEN_EXISTING);
    }

    @Override
    public io.mmf4j.internal.platform.PlacedMappings placedMappings() {
        return LinuxPlacedMappings.INSTANCE;
    }

    @Override
    public VirtualMemoryPlatform virtualMemory() {
        return LinuxVirtualMemory.INSTANCE;
    }
}
