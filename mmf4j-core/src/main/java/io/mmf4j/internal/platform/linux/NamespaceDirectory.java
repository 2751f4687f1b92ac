package io.mmf4j.internal.platform.linux;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes and checks a namespace directory before its first use in this process: it must be a real directory
 * (not a symbolic link) with exactly the modes the namespace promises, owned by this user (or, for the
 * global one, by root or this user). Anything else is refused with {@code AccessDeniedException}, so that no
 * other user can plant a directory where this user's objects would go. Thread-safe.
 */
final class NamespaceDirectory {
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

    private NamespaceDirectory() {}

    /** Makes {@code directory} with {@code mode} if missing, then checks it; fully once per process per directory. */
    static void ensure(Path directory, int mode, boolean global, int me) throws IOException {
        if (CHECKED.contains(directory)) {
            if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            CHECKED.remove(directory); // removed since (e.g. by an administrator): make and check it again
        }
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = directory.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new java.nio.file.NoSuchFileException(parent.toString(), null,
                        "the parent of namespace directory " + directory + " does not exist");
            }
            try {
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                Files.setAttribute(directory, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS); // past the umask; sticky too
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: check it like any existing one
            }
        }
        Map<String, Object> attributes = Files.readAttributes(directory, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
        int actualMode = (Integer) attributes.get("mode");
        int owner = (Integer) attributes.get("uid");
        if ((actualMode & 0170000) != 0040000) {
            throw new AccessDeniedException(directory.toString(), null,
                    "namespace directory is not a directory (a symbolic link or a file is refused)");
        }
        if (owner != me && !(global && owner == 0)) {
            throw new AccessDeniedException(directory.toString(), null,
                    "namespace directory is owned by uid " + owner + ", not by this user (uid " + me + ")");
        }
        if ((actualMode & 07777) != mode) {
            throw new AccessDeniedException(directory.toString(), null, "namespace directory has mode 0"
                    + Integer.toOctalString(actualMode & 07777) + ", not 0" + Integer.toOctalString(mode));
        }
        CHECKED.add(directory);
    }
}
