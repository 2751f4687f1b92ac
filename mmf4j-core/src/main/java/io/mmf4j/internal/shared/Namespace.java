package io.mmf4j.internal.shared;

import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A namespace of named objects of every {@link NamedObjectKind}: a directory (on tmpfs by default) with one
 * file per live object, named by {@link NameEncoding}, laid out by {@link SharedObjectDescriptor}.
 *
 * <ul>
 *   <li><b>Holders.</b> Each {@link SharedHandle} keeps the file open with a shared lock; the OS drops the
 *       lock when the handle closes or its process dies. A file whose exclusive lock can be taken has no
 *       holder left: it is dead, and whoever finds it so unlinks it ({@link #sweep()}, and every create, open
 *       and list).</li>
 *   <li><b>Atomic creation.</b> A new object is made as an unnamed file (O_TMPFILE), sized, committed,
 *       headed and initialised, locked, and only then linked to its name: no process ever sees a half-made
 *       object, and a creator that dies half-way leaves nothing behind.</li>
 *   <li><b>Removal.</b> {@link #remove} unlinks a live object's name at once; its holders keep the nameless
 *       file until they close. Every unlink — removal or reclamation — goes through {@link NameRemoval}, which
 *       checks under a lock that the name still names the file in question, so an old object's last close
 *       never unlinks a new object of the same name.</li>
 *   <li><b>Opening.</b> An opener that got its lock re-checks that the name still names its file (the last
 *       holder may have reclaimed it in between), and retries if not.</li>
 * </ul>
 *
 * {@snippet :
 * Namespace ns = Namespace.local();
 * try (SharedHandle created = ns.create(NamedObjectKind.SEMAPHORE, "slots", 64, 64, 0, true,
 *         payload -> payload.set(ValueLayout.JAVA_INT, 0, 3))) {
 *     // other processes: ns.open(NamedObjectKind.SEMAPHORE, "slots", true)
 * }
 * }
 *
 * <p>Immutable and thread-safe.
 */
public final class Namespace implements SharedNamespace {
    private static final Path ROOT = Path.of(System.getProperty("mmf4j.namespace.root", "/dev/shm"));
    private static final int OWNER_ONLY_DIRECTORY = 0700;
    private static final int GLOBAL_DIRECTORY = 01777;
    private static final int OWNER_ONLY_FILE = 0600;

    /** This process's start time, read once: ProcessHandle.info() reads /proc, costing tens of µs per call. */
    private static final class StartTime {
        static final long MILLIS = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Fills a new object's payload before anyone can see the object. */
    @FunctionalInterface
    public interface PayloadInitializer {
        void initialise(java.lang.foreign.MemorySegment payload) throws IOException;
    }

    private final Path directory;
    private final int directoryMode;
    private final int fileMode;
    private final boolean global;

    private Namespace(Path directory, int directoryMode, int fileMode, boolean global) {
        this.directory = directory;
        this.directoryMode = directoryMode;
        this.fileMode = fileMode;
        this.global = global;
    }

    /** This user's owner-only namespace. */
    public static Namespace local() {
        return new Namespace(ROOT.resolve("mmf4j-" + Integer.toUnsignedString(Platform.current().userId())),
                OWNER_ONLY_DIRECTORY, OWNER_ONLY_FILE, false);
    }

    /** The machine-wide namespace; objects created through it get {@code permissions} (owner rw always). */
    public static Namespace global(Set<PosixFilePermission> permissions) {
        Checks.notNull(permissions, "permissions");
        int mode = 0600;
        for (PosixFilePermission permission : permissions) {
            if (permission.name().endsWith("EXECUTE")) {
                throw new IllegalArgumentException("permissions must not contain " + permission
                        + ": named objects are never executed through their file");
            }
            mode |= 1 << (8 - permission.ordinal());
        }
        return new Namespace(ROOT.resolve("mmf4j-global"), GLOBAL_DIRECTORY, mode, true);
    }

    /** An owner-only namespace in {@code directory}. */
    public static Namespace at(Path directory) {
        Checks.notNull(directory, "directory");
        return new Namespace(directory.toAbsolutePath().normalize(), OWNER_ONLY_DIRECTORY, OWNER_ONLY_FILE, false);
    }

    @Override
    public Path directory() {
        return directory;
    }

    /** The permission bits that objects created through this namespace get. */
    public int fileMode() {
        return fileMode;
    }

    /** The file that holds {@code name} (whether or not it exists). Never outside {@link #directory()}. */
    public Path pathOf(String name) {
        return directory.resolve(NameEncoding.fileName(name));
    }

    private void ready() throws IOException {
        NamespaceDirectory.ensure(directory, directoryMode, global);
    }

    /**
     * Creates a named object; {@code FileAlreadyExistsException} if a live object (of any kind) has the name.
     *
     * @param capacity    what the object reports as its capacity
     * @param payloadSize the bytes after the header (for a map, the capacity)
     * @param access      a kind-specific code kept in the header
     * @param reserve     commit the whole file now, so running out of memory is an IOException here
     * @param initializer fills the payload before the object gets its name; {@code null} leaves it zero
     */
    public SharedHandle create(NamedObjectKind kind, String name, long capacity, long payloadSize, int access,
                               boolean reserve, PayloadInitializer initializer) throws IOException {
        Checks.notNull(kind, "kind");
        NameEncoding.check(name, "name");
        Checks.positive(payloadSize, "payloadSize");
        ready();
        sweep();
        Platform platform = Platform.current();
        long headerSize = SharedObjectDescriptor.headerSize(name.length(), platform.pageSize());
        if (payloadSize > Long.MAX_VALUE - headerSize) {
            throw new IllegalArgumentException("payloadSize " + payloadSize + " is too large");
        }
        SharedHeader header = new SharedHeader(kind, access, capacity, headerSize, platform.processId(),
                platform.userId(), StartTime.MILLIS,
                System.currentTimeMillis(), name);
        Path path = pathOf(name);
        OsFile file = platform.createUnnamed(directory, fileMode);
        try {
            SharedFiles.build(file, header, payloadSize, reserve, initializer);
            file.lockShared();
            while (true) {
                try {
                    platform.link(file, path);
                    return new SharedHandle(this, path, file, header, payloadSize, true, true);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    if (!reclaimIfDead(path)) {
                        throw new java.nio.file.FileAlreadyExistsException(name, null,
                                "a live named object of this name exists in " + directory);
                    }
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            try {
                file.close(); // unnamed: closing it frees everything
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Holds a live object through a handle obtained another way (e.g. inherited from a parent process) whose
     * name is {@code path}: takes the holder mark and reads the header. The caller has checked the file's
     * identity; on failure the caller closes {@code file}.
     */
    public static SharedHandle adopt(OsFile file, Path path, boolean writable) throws IOException {
        file.lockShared();
        SharedHeader header = SharedFiles.readHeader(file, path.toString());
        Namespace namespace = new Namespace(path.getParent(), OWNER_ONLY_DIRECTORY, OWNER_ONLY_FILE, false);
        return new SharedHandle(namespace, path, file, header, file.size() - header.headerSize(), writable, false);
    }

    /** Opens a live object of {@code kind}; see {@link #open(Set, String, boolean)}. */
    public SharedHandle open(NamedObjectKind kind, String name, boolean writable) throws IOException {
        return open(Set.of(Checks.notNull(kind, "kind")), name, writable);
    }

    /**
     * Opens a live object whose kind is one of {@code kinds}. {@code NoSuchFileException} if no live object has
     * the name; {@code FileSystemException} if it is of another kind; {@code AccessDeniedException} if this
     * user may not open it so.
     */
    public SharedHandle open(Set<NamedObjectKind> kinds, String name, boolean writable) throws IOException {
        Checks.notNull(kinds, "kinds");
        NameEncoding.check(name, "name");
        ready();
        Platform platform = Platform.current();
        Path path = pathOf(name);
        while (true) {
            OsFile file;
            try {
                file = platform.openNoFollow(path, writable ? FileAccess.READ_WRITE : FileAccess.READ);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(name, null, "no live named object of this name in " + directory);
            }
            try {
                if (file.tryLockExclusive()) { // no holder: dead since its last holder died; reclaim it
                    NameRemoval.Outcome outcome = NameRemoval.unlinkIfNames(directory, path, file);
                    file.close();
                    if (outcome == NameRemoval.Outcome.NOT_NAMED) {
                        continue; // removed (and maybe re-created) since we opened it: look again
                    }
                    throw new NoSuchFileException(name, null, "no live named object of this name in " + directory
                            + " (a dead one was reclaimed)");
                }
                file.lockShared();
                FileIdentity held = file.identity();
                Optional<FileIdentity> named = platform.identity(path);
                if (held.links() == 0 || named.isEmpty() || !named.get().sameFile(held)) {
                    file.close(); // reclaimed (and maybe re-created) between open and lock: look again
                    continue;
                }
                SharedHeader header = SharedFiles.readHeader(file, name);
                if (!kinds.contains(header.kind())) {
                    throw new FileSystemException(name, null, "is a " + header.kind() + ", not a " + kinds);
                }
                return new SharedHandle(this, path, file, header, file.size() - header.headerSize(), writable, false);
            } catch (IOException | RuntimeException | Error e) {
                try {
                    file.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** Opens the live object, or creates it if there is none; {@link SharedHandle#created()} tells which. */
    public SharedHandle createOrOpen(NamedObjectKind kind, String name, long capacity, long payloadSize, int access,
                                     boolean reserve, PayloadInitializer initializer, boolean writable)
            throws IOException {
        while (true) {
            try {
                return open(kind, name, writable);
            } catch (NoSuchFileException missing) {
                try {
                    return create(kind, name, capacity, payloadSize, access, reserve, initializer);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // someone created it between our open and create: open theirs
                }
            }
        }
    }

    @Override
    public void remove(String name) throws IOException {
        NameEncoding.check(name, "name");
        ready();
        NameRemoval.remove(directory, pathOf(name), name);
    }

    @Override
    public int sweep() throws IOException {
        ready();
        int reclaimed = 0;
        for (Path entry : entries()) {
            if (reclaimIfDead(entry)) {
                reclaimed++;
            }
        }
        return reclaimed;
    }

    @Override
    public List<NamedObjectInfo> list() throws IOException {
        sweep();
        List<NamedObjectInfo> infos = new ArrayList<>();
        Platform platform = Platform.current();
        for (Path entry : entries()) {
            try (OsFile file = platform.openNoFollow(entry, FileAccess.READ)) {
                SharedHeader header = SharedFiles.readHeader(file, entry.toString());
                int holders = platform.holderCount(file);
                if (holders > 0) {
                    infos.add(new NamedObjectInfo(header.name(), header.kind(), header.capacity(), holders,
                            header.creatorPid(), header.creatorUid(), Instant.ofEpochMilli(header.createdMillis())));
                }
            } catch (NoSuchFileException | AccessDeniedException gone) {
                // reclaimed since the listing, or another user's object this user may not read
            } catch (FileSystemException corrupt) {
                // not an object this library made: list() shows objects, not debris
            }
        }
        infos.sort(Comparator.comparing(NamedObjectInfo::name));
        return infos;
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> NameEncoding.isEncoded(p.getFileName().toString())).toList();
        }
    }

    /** Unlinks {@code path} if no handle holds its file; true if it is gone (now or already). */
    boolean reclaimIfDead(Path path) throws IOException {
        OsFile file;
        try {
            file = Platform.current().openNoFollow(path, FileAccess.READ);
        } catch (NoSuchFileException gone) {
            return true;
        } catch (AccessDeniedException notOurs) {
            return false;
        }
        try (file) {
            if (!file.tryLockExclusive()) {
                return false;
            }
            // gone unless the OS refused: unlinked now, or no longer named (removed by someone else meanwhile)
            return NameRemoval.unlinkIfNames(directory, path, file) != NameRemoval.Outcome.REFUSED;
        }
    }

    /** A last holder's close: unlinks the name if this handle can take the file exclusively. */
    void reclaimIfUnheld(OsFile file, Path path) throws IOException {
        if (file.tryLockExclusive()) {
            NameRemoval.unlinkIfNames(directory, path, file); // not if the name was removed and maybe re-created
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Namespace that && directory.equals(that.directory) && fileMode == that.fileMode;
    }

    @Override
    public int hashCode() {
        return directory.hashCode() * 31 + fileMode;
    }

    @Override
    public String toString() {
        return "SharedNamespace[" + directory + (global ? ", global, mode 0" + Integer.toOctalString(fileMode) : "") + "]";
    }
}
