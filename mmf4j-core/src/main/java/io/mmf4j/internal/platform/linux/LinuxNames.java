package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Errno;
import io.mmf4j.internal.ffi.linux.ErrnoException;
import io.mmf4j.internal.ffi.linux.Fcntl;
import io.mmf4j.internal.ffi.linux.Stat;
import io.mmf4j.internal.ffi.linux.SysFile;
import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The POSIX file operations of the named-object store: opening without following links, O_TMPFILE creation
 * and linkat, unlink, the per-directory removal lock and identities by path. Stateless and thread-safe.
 */
final class LinuxNames {
    private LinuxNames() {}

    /** Opens an existing regular file: never follows a symbolic link at the last step, never blocks on a FIFO. */
    static LinuxFile openNoFollow(Path path, FileAccess access) throws IOException {
        String name = path.toString();
        int flags = (access == FileAccess.READ ? Fcntl.O_RDONLY : Fcntl.O_RDWR)
                | Fcntl.O_CLOEXEC | Fcntl.O_NOCTTY | Fcntl.O_NOFOLLOW | Fcntl.O_NONBLOCK;
        int fd;
        try {
            fd = Fcntl.open(name, flags, 0);
        } catch (ErrnoException e) {
            throw e.errno() == Errno.ELOOP
                    ? new AccessDeniedException(name, null, "is a symbolic link, which a namespace never holds")
                    : LinuxErrors.translate(e);
        }
        return LinuxFile.checked(fd, name, false, access);
    }

    /**
     * Creates a file that has no name yet, in {@code directory}, readable and writable, with exactly the POSIX
     * permission bits {@code mode}. It gets a name with {@link #link}; closed without one, it vanishes.
     */
    static LinuxFile createUnnamed(Path directory, int mode) throws IOException {
        String name = directory.toString();
        int fd = LinuxErrors.call(() -> Fcntl.open(name, Fcntl.O_TMPFILE | Fcntl.O_RDWR | Fcntl.O_CLOEXEC, mode));
        LinuxFile file = LinuxFile.adopt(fd, name + "/(unnamed)", true, true);
        try {
            LinuxErrors.run(() -> Stat.fchmod(fd, mode, name)); // the umask narrowed open's mode; ours is explicit
        } catch (IOException e) {
            file.closeQuietly();
            throw e;
        }
        return file;
    }

    /** Gives {@code file} the name {@code target}; {@code FileAlreadyExistsException} if the name is taken. */
    static void link(LinuxFile file, Path target) throws IOException {
        String from = "/proc/self/fd/" + file.fd();
        LinuxErrors.run(() -> Unistd.linkat(from, target.toString(), Unistd.AT_SYMLINK_FOLLOW, target.toString()));
    }

    /**
     * Removes the name {@code path} (never following a symbolic link). {@code NoSuchFileException} if the name is
     * free, {@code AccessDeniedException} if this user may not remove it (EPERM in a sticky directory too).
     */
    static void unlink(Path path) throws IOException {
        LinuxErrors.run(() -> Unistd.unlink(path.toString()));
    }

    /**
     * Takes the exclusive lock that serialises every removal of a name in {@code directory} (an flock on the
     * directory), blocking while another handle, in any process, has it; closing the result, or the death of
     * the process, lets it go. {@code NoSuchFileException} if the directory is gone.
     */
    static Closeable lockNameRemoval(Path directory) throws IOException {
        String name = directory.toString();
        // a directory opened for reading can carry a flock; the lock is on the directory, not on a name in it
        int fd = LinuxErrors.call(() -> Fcntl.open(name,
                Fcntl.O_RDONLY | Fcntl.O_DIRECTORY | Fcntl.O_NOFOLLOW | Fcntl.O_CLOEXEC, 0));
        try {
            SysFile.flock(fd, SysFile.LOCK_EX, name);
        } catch (ErrnoException e) {
            try {
                Unistd.close(fd, name);
            } catch (ErrnoException ignored) {
                // the fd is gone either way; the original failure is reported
            }
            throw LinuxErrors.translate(e);
        }
        return () -> LinuxErrors.run(() -> Unistd.close(fd, name)); // drops the lock
    }

    /** The file {@code path} names now, without following a symbolic link; empty when it names nothing. */
    static Optional<FileIdentity> identity(Path path) throws IOException {
        try {
            Map<String, Object> attributes = Files.readAttributes(path, "unix:dev,ino,nlink", LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new FileIdentity((Long) attributes.get("dev"), (Long) attributes.get("ino"),
                    ((Number) attributes.get("nlink")).longValue()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
