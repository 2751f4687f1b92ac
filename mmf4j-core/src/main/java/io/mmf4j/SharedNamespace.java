package io.mmf4j;

import io.mmf4j.internal.shared.Namespace;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;

/**
 * Where named objects — maps, mutexes, semaphores, events — live: Windows' {@code Local\} and {@code Global\}
 * in Java idiom. A name means one object per namespace, whatever its kind.
 *
 * <ul>
 *   <li>{@link #local()} — the default: this user's objects, owner-only ({@code /dev/shm/mmf4j-<uid>}, mode
 *       0700, objects 0600). Another user cannot open, read, list or delete them.</li>
 *   <li>{@link #global(NamedObjectAccess)} (or {@link #global(Set)} with POSIX permissions) — opt-in, shared by
 *       all users of the machine; the creator says what others may do with its objects ({@code /dev/shm/mmf4j-global}, sticky and world-writable, like /tmp).</li>
 *   <li>{@link #at(Path)} — a namespace in a directory of your choosing (e.g. a dedicated tmpfs), owner-only.</li>
 * </ul>
 *
 * {@snippet :
 * SharedNamespace everyone = SharedNamespace.global(PosixFilePermissions.fromString("rw-rw-rw-"));
 * try (MemoryMappedFile map = MemoryMappedFile.createNew(everyone, "board", 4096,
 *         MemoryMappedFileAccess.READ_WRITE)) {
 *     for (NamedObjectInfo info : everyone.list()) System.out.println(info);
 * }
 * }
 *
 * <p>Thread-safe and immutable; the directory is made (and checked) at first use.
 */
public sealed interface SharedNamespace permits Namespace {

    /**
     * This user's owner-only namespace, the default of every factory that takes no namespace.
     *
     * @return the namespace of the current user, readable and writable by that user only
     */
    static SharedNamespace local() {
        return Namespace.local();
    }

    /**
     * The machine-wide namespace; objects created through the returned namespace get exactly
     * {@code permissions} (the owner always keeps read and write).
     *
     * @param permissions the POSIX permissions of every object created there; execute bits are refused
     * @return the machine-wide namespace, creating with {@code permissions}
     */
    static SharedNamespace global(Set<PosixFilePermission> permissions) {
        return Namespace.global(NamedObjectAccess.fromPosix(permissions));
    }

    /**
     * The machine-wide namespace; objects created through the returned namespace allow others exactly
     * {@code access} (the creator always reads and writes). The portable form of {@link #global(Set)}.
     *
     * @param access what other users may do with the objects created there
     * @return the machine-wide namespace, creating with {@code access}
     */
    static SharedNamespace global(NamedObjectAccess access) {
        return Namespace.global(access);
    }

    /**
     * An owner-only namespace in {@code directory}, made (mode 0700) if missing.
     *
     * @param directory the directory of the namespace's objects
     * @return an owner-only namespace in {@code directory}
     */
    static SharedNamespace at(Path directory) {
        return Namespace.at(directory);
    }

    /**
     * The directory that holds this namespace's objects (on a backend without directories, a name prefix).
     *
     * @return the directory path of the namespace
     */
    Path directory();

    /**
     * What objects created through this namespace allow other users ({@link NamedObjectAccess#OWNER_ONLY} but for
     *     global).
     *
     * @return the access that objects created here give other users
     */
    NamedObjectAccess access();

    /**
     * The live objects of this namespace, sorted by name; reclaims dead ones first. Objects this process may
     * not read (another user's, in the global namespace) are left out.
     *
     * @return the live objects, each with its name, kind, size and creator
     * @throws IOException the directory cannot be read
     */
    List<NamedObjectInfo> list() throws IOException;

    /**
     * Removes {@code name} from this namespace at once, as {@code unlink} removes a file's name: the object's
     * holders, in every process, keep using its memory (and, for a sync object, its state) until they close,
     * and then it is freed; the name is free at once, so {@code createNew} of it makes a new, zeroed object that
     * the old holders' closes leave alone. Works for every {@link NamedObjectKind} — maps, persisted-map entries,
     * mutexes, semaphores, events — since they share one namespace. Opening the name finds the new object or
     * none; no one can open the removed one again.
     *
     * {@snippet :
     * SharedNamespace.local().remove("board"); // like `mmf rm board`
     * }
     *
     * @param name the name of the object to remove
     * @throws java.nio.file.NoSuchFileException   if no live object has the name (a dead one found is reclaimed)
     * @throws java.nio.file.AccessDeniedException if the OS refuses: another user's object, or another user's
     *                                             namespace
     * @throws IllegalArgumentException            if {@code name} is not a valid name
     */
    void remove(String name) throws IOException;

    /**
     * Reclaims every object that no living process holds; returns how many were reclaimed.
     *
     * @return the number of dead objects reclaimed
     * @throws IOException the directory cannot be read, or a dead object's file cannot be removed
     */
    int sweep() throws IOException;
}
