package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Fcntl;
import io.mmf4j.internal.ffi.linux.Mman;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.FilePlatform;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@link FilePlatform} over open(2), memfd_create(2) and /proc/PID/fd. Stateless and thread-safe. */
final class LinuxFiles implements FilePlatform {
    private static final int NEW_FILE_MODE = 0666; // narrowed by the umask, as Java's own file creation is

    @Override
    public OsFile openFile(Path path, FileAccess access, FileCreation creation) throws IOException {
        String name = path.toString();
        int base = (access == FileAccess.READ ? Fcntl.O_RDONLY : Fcntl.O_RDWR) | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY;
        return switch (creation) {
            case OPEN_EXISTING -> LinuxFile.checked(LinuxErrors.call(() -> Fcntl.open(name, base, 0)), name, false, access);
            case CREATE_NEW -> LinuxFile.checked(LinuxErrors.call(() -> Fcntl.open(name,
                    base | Fcntl.O_CREAT | Fcntl.O_EXCL, NEW_FILE_MODE)), name, true, access);
            case CREATE_OR_TRUNCATE -> openOrCreate(name, base | Fcntl.O_TRUNC, access);
            case OPEN_OR_CREATE -> openOrCreate(name, base, access);
        };
    }

    /** O_CREAT cannot tell whether it created the file, so try exclusive creation first. */
    private static OsFile openOrCreate(String name, int flags, FileAccess access) throws IOException {
        while (true) {
            try {
                int fd = Fcntl.open(name, flags | Fcntl.O_CREAT | Fcntl.O_EXCL, NEW_FILE_MODE);
                return LinuxFile.checked(fd, name, true, access);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw LinuxErrors.translate(e);
                }
            }
            try {
                return LinuxFile.checked(Fcntl.open(name, flags, 0), name, false, access);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.ENOENT) {
                    throw LinuxErrors.translate(e);
                }
                // removed between the two opens: try again
            }
        }
    }

    @Override
    public OsFile createAnonymous(String description) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            String shown = "mmf4j:" + description;
            byte[] bytes = shown.getBytes(StandardCharsets.UTF_8);
            MemorySegment cName = arena.allocate(Math.min(bytes.length, 240) + 1L);
            MemorySegment.copy(bytes, 0, cName, ValueLayout.JAVA_BYTE, 0, Math.min(bytes.length, 240));
            int fd = LinuxErrors.call(() -> Mman.memfdCreate(cName, Mman.MFD_CLOEXEC | Mman.MFD_ALLOW_SEALING, shown));
            OsFile file = LinuxFile.adopt(fd, "memfd:" + description, true, true);
            try {
                // Nobody may shrink it, not even a child it is handed to: its pages could vanish under live views.
                LinuxErrors.call(() -> Fcntl.fcntl(fd, Fcntl.F_ADD_SEALS, Fcntl.F_SEAL_SHRINK, shown));
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
            return file;
        }
    }

    @Override
    public long handleNumber(OsFile file) {
        return LinuxFile.of(file).fd();
    }

    @Override
    public OsFile openInherited(long processId, long handleNumber, FileAccess access) throws IOException {
        return openFile(Path.of("/proc", Long.toString(processId), "fd", Long.toString(handleNumber)), access,
                FileCreation.OPEN_EXISTING);
    }

    /** How long a reading of the machine's memory may serve later small requests (see checkMemoryAvailable). */
    private static final long READING_REUSE_NANOS = 20_000_000;

    /** A reading of {@link MemoryLimits} taken at {@code at}, and the bytes that requests checked against it asked. */
    private record Reading(long at, MemoryLimits.Room room, long granted) {}

    private static final java.util.concurrent.atomic.AtomicReference<Reading> LAST_READING =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Reading the limits costs several file reads (/proc/meminfo, the cgroup's files): more than all the rest of a
     * small named map's creation. So a reading at most {@value #READING_REUSE_NANOS} ns old also serves later
     * requests as long as they ask, all together, at most half of the room it found; anything larger, or later,
     * reads afresh and is checked against the whole room, as every request was before.
     */
    @Override
    public void checkMemoryAvailable(long bytes, String what) throws IOException {
        Reading last = LAST_READING.get();
        long now = System.nanoTime();
        if (last != null && now - last.at() < READING_REUSE_NANOS && bytes <= last.room().bytes() / 2 - last.granted()
                && LAST_READING.compareAndSet(last, new Reading(last.at(), last.room(), last.granted() + bytes))) {
            return;
        }
        MemoryLimits.Room room = MemoryLimits.available();
        LAST_READING.set(new Reading(now, room, Math.min(bytes, room.bytes())));
        if (bytes > room.bytes()) {
            throw new IOException("cannot create " + what + " of " + bytes + " bytes (" + MemoryLimits.human(bytes)
                    + "): the machine can give only " + room.bytes() + " bytes (" + MemoryLimits.human(room.bytes())
                    + ", limited by " + room.limitedBy() + ")");
        }
    }

    @Override
    public OsFile duplicate(OsFile file) throws IOException {
        LinuxFile linuxFile = LinuxFile.of(file);
        int fd = LinuxErrors.call(() -> Fcntl.fcntl(linuxFile.fd(), Fcntl.F_DUPFD_CLOEXEC, 0, file.path()));
        return LinuxFile.adopt(fd, file.path(), false, file.writable());
    }
}
