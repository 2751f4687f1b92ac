package io.mmf4j.internal.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The named-object store: where a backend keeps named objects and the protocol that makes them live exactly as
 * long as something holds them. Portable code ({@code internal.shared.Namespace}) decides what an object
 * holds (its header and payload) and checks kinds; the store owns everything the OS decides — where a
 * namespace lives, who may open what, atomic creation, holder marks, holder counts, reclamation of dead
 * objects and removal of names.
 *
 * <p>An object is addressed by a {@link StoreLocation} (a namespace) and a <em>key</em> ({@link #isKey}: {@code n}
 * and 64 lower-case hex digits) that the caller derives from the object's name (the name itself may be anything,
 * and is used only in messages here); a store never touches an entry whose name is not a key. The store promises:
 * <ul>
 *   <li>{@link #create}: nobody can open an object before its builder has run and it holds its first holder;
 *       a creator that dies half-way leaves nothing behind; a dead object of the key is reclaimed first.</li>
 *   <li>Every {@link HeldObject} is a holder; the object lives while any holder, in any process, is open and
 *       its process lives. The last {@link HeldObject#close()} reclaims the name; after the death of every
 *       holder, the next {@link #open} of the key, {@link #sweep}, {@link #forEachLive}, or — rate-limited —
 *       {@link #create} in the namespace reclaims it.</li>
 *   <li>{@link #remove} frees the key at once; old holders keep the object, and their closes never reclaim a
 *       new object of the same key.</li>
 * </ul>
 *
 * <p>Thread-safe; stateless but for caches of checked namespace locations.
 */
public interface NamedObjectStore {

    /** Whether {@code key} has the form of a key: {@code n} and 64 lower-case hex digits. */
    static boolean isKey(String key) {
        if (key.length() != 65 || key.charAt(0) != 'n') {
            return false;
        }
        for (int i = 1; i < 65; i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** This user's owner-only namespace. */
    StoreLocation local() throws IOException;

    /** The machine-wide namespace; objects created through it get {@code permissions}. */
    StoreLocation global(ObjectPermissions permissions);

    /** An owner-only namespace at {@code directory} (absolute, normalised). */
    StoreLocation at(Path directory);

    /** Where the object of {@code key} in {@code location} is kept, e.g. to describe it to a child process. */
    Path pathOf(StoreLocation location, String key);

    /**
     * Creates the object of {@code key}: a new, empty, nameless object that {@code builder} fills, then holds and
     * names. {@code FileAlreadyExistsException} if a live object has the key (a dead one is reclaimed first).
     */
    HeldObject create(StoreLocation location, String key, String name, ObjectBuilder builder) throws IOException;

    /**
     * Opens and holds the live object of {@code key}. {@code NoSuchFileException} if there is none (a dead one
     * found is reclaimed), {@code AccessDeniedException} if this user may not open it so.
     */
    HeldObject open(StoreLocation location, String key, String name, boolean writable) throws IOException;

    /**
     * Holds a live object through a file obtained another way (inherited from a parent process) whose name is
     * {@code path}; the caller has checked the file's identity. On failure the caller closes {@code file}.
     */
    HeldObject adopt(OsFile file, Path path, boolean writable) throws IOException;

    /**
     * Removes the key at once, as {@code unlink} removes a file's name. {@code NoSuchFileException} if no live
     * object has it (a dead one found is reclaimed), {@code AccessDeniedException} if the OS refuses.
     */
    void remove(StoreLocation location, String key, String name) throws IOException;

    /** Reclaims every object of {@code location} that no living process holds; returns how many. */
    int sweep(StoreLocation location) throws IOException;

    /**
     * Reclaims dead objects, then calls {@code visitor} once for every live object this user may read, with a
     * read-only file (closed after the call), its size when it was opened, and its exact holder count. Cost: one
     * look at each object and one reading of the OS's holder table, whatever the number of objects.
     */
    void forEachLive(StoreLocation location, LiveObjectVisitor visitor) throws IOException;

    /** Fills a new object's file before anyone can see it. */
    @FunctionalInterface
    interface ObjectBuilder {
        void build(OsFile file) throws IOException;
    }

    /** Sees one live object of {@link #forEachLive}. */
    @FunctionalInterface
    interface LiveObjectVisitor {
        void visit(OsFile file, long size, int holders) throws IOException;
    }
}
