package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Every unlink of a name in a namespace: reclaiming a dead object, and removing a live one on request. Both
 * happen under the namespace's name-removal lock ({@link LinuxNames#lockNameRemoval}), so "check which file the
 * name names, then unlink the name" is one step for every remover: a name can change only by an unlink (which
 * waits for the lock) or by a link over a free name (which needs an unlink first). Without the lock, the last
 * holder of a removed object could check, lose the processor while the name was removed and re-created, and
 * then unlink the NEW object.
 *
 * {@snippet :
 * NameRemoval.remove(directory, directory.resolve(NameEncoding.fileName("board")), "board");
 * }
 *
 * <p>Stateless and thread-safe; the lock is held only for the check and the unlink.
 */
final class NameRemoval {
    private NameRemoval() {}

    /** What {@link #unlinkIfNames} found. */
    enum Outcome {
        /** The name named the file and is unlinked now. */
        UNLINKED,
        /** The name names another file or none: removed (and maybe re-created) meanwhile; nothing done. */
        NOT_NAMED,
        /** The name names the file but the OS refused the unlink (another user's file, sticky directory). */
        REFUSED
    }

    /** With {@code file} held exclusively (no holder is left), unlinks {@code path} if it still names {@code file}. */
    @SuppressWarnings("try") // the lock is held for the block's duration and never referenced in it
    static Outcome unlinkIfNames(Path directory, Path path, LinuxFile file) throws IOException {
        try (Closeable lock = LinuxNames.lockNameRemoval(directory)) {
            return unlinkIfNamesLocked(path, file);
        } catch (NoSuchFileException directoryGone) {
            return Outcome.NOT_NAMED; // the namespace directory itself was removed: no name is left to unlink
        }
    }

    /** One dead object of a sweep: its name (NUL-terminated, in the scan's memory) and its file, held exclusively. */
    record Dead(java.lang.foreign.MemorySegment name, LinuxFile file) {}

    /**
     * {@link #unlinkIfNames} for a batch of a sweep's dead objects under one taking of the lock (held for the
     * batch's checks and unlinks only), each checked and unlinked relative to the directory {@code scan} has
     * open and locks; returns how many are gone (unlinked now, or no longer named).
     */
    static int unlinkAllIfNamed(NamespaceScan scan, java.util.List<Dead> batch) throws IOException {
        int gone = 0;
        scan.lockNameRemoval();
        try {
            for (Dead dead : batch) {
                if (!scan.namesFile(dead.name(), dead.file().identityAtOpen())) {
                    gone++; // removed (and maybe re-created) meanwhile: not ours to unlink
                    continue;
                }
                int result = scan.unlink(dead.name());
                if (result == 0 || result == -io.mmf4j.internal.ffi.linux.Errno.ENOENT) {
                    gone++;
                } else if (result != -io.mmf4j.internal.ffi.linux.Errno.EACCES
                        && result != -io.mmf4j.internal.ffi.linux.Errno.EPERM) {
                    // EACCES/EPERM: another user's dead object in the global namespace, which only its owner may
                    // unlink (sticky directory); anything else is a failure to report
                    throw LinuxErrors.translate(new io.mmf4j.internal.ffi.linux.ErrnoException("unlinkat", -result,
                            scan.directory().resolve(dead.name().getString(0)).toString()));
                }
            }
        } finally {
            scan.unlockNameRemoval();
        }
        return gone;
    }

    private static Outcome unlinkIfNamesLocked(Path path, LinuxFile file) throws IOException {
        Optional<FileIdentity> named = LinuxNames.identity(path);
        if (named.isEmpty() || !named.get().sameFile(file.identityAtOpen())) {
            return Outcome.NOT_NAMED;
        }
        try {
            LinuxNames.unlink(path);
            return Outcome.UNLINKED;
        } catch (AccessDeniedException stickyDirectory) {
            return Outcome.REFUSED; // another user's dead object in the global namespace: only its owner may
        } catch (NoSuchFileException raced) {
            return Outcome.NOT_NAMED;
        }
    }

    /**
     * Removes the name of the object called {@code name} at once, whatever its kind. Its holders keep using it
     * until they close; the name is free for a new object at once. {@code NoSuchFileException} if no live
     * object has the name (a dead one found is reclaimed); {@code AccessDeniedException} if the OS refuses.
     */
    @SuppressWarnings("try") // the lock is held for the block's duration and never referenced in it
    static void remove(Path directory, Path path, String name) throws IOException {
        try (Closeable lock = LinuxNames.lockNameRemoval(directory)) {
            if (LinuxNames.identity(path).isEmpty()) {
                throw missing(name, directory, "");
            }
            LinuxFile file;
            try {
                file = LinuxNames.openNoFollow(path, FileAccess.READ);
            } catch (AccessDeniedException cannotLook) {
                LinuxNames.unlink(path); // another user's object: the OS decides (a sticky directory refuses)
                return;
            }
            try (file) {
                // under the lock the name still names this file; an exclusive lock means no holder is left, and
                // keeping it until after the unlink stops an opener from taking that dead object meanwhile
                boolean dead = file.tryLockExclusive();
                LinuxNames.unlink(path);
                if (dead) {
                    throw missing(name, directory, " (a dead one was reclaimed)");
                }
            }
        }
    }

    private static NoSuchFileException missing(String name, Path directory, String more) {
        return new NoSuchFileException(name, null, "no live named object of this name in " + directory + more);
    }
}
