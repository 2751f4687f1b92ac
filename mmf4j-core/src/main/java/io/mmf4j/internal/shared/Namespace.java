package io.mmf4j.internal.shared;

import io.mmf4j.NamedObjectAccess;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.HeldObject;
import io.mmf4j.internal.platform.NamedObjectStore;
import io.mmf4j.internal.platform.ObjectPermissions;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.StoreLocation;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A namespace of named objects of every {@link NamedObjectKind}: the public value ({@link SharedNamespace}:
 * which namespace, what its objects allow others) and the portable half of the protocol — every object is a
 * header ({@link SharedObjectDescriptor}) and a payload, addressed by the key {@link NameEncoding} derives from
 * its name. Where a namespace lives, holder marks, atomic creation, reclamation and removal belong to the
 * backend's {@link NamedObjectStore}; this class builds and reads headers and checks kinds.
 *
 * {@snippet :
 * Namespace ns = Namespace.local();
 * try (SharedHandle created = ns.create(NamedObjectKind.SEMAPHORE, "slots", 64, 64, 0, true,
 *         payload -> payload.set(ValueLayout.JAVA_INT, 0, 3))) {
 *     // other processes: ns.open(NamedObjectKind.SEMAPHORE, "slots", true)
 * }
 * }
 *
 * <p>Immutable and thread-safe. The store location is resolved at first use, so that making a namespace value
 * never fails on a backend without named objects; using it then throws that backend's
 * {@code UnsupportedOperationException}.
 */
public final class Namespace implements SharedNamespace {
    /** This process's start time, read once: ProcessHandle.info() reads /proc, costing tens of µs per call. */
    private static final class StartTime {
        static final long MILLIS = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Which namespace a value means. */
    private enum Scope { LOCAL, GLOBAL, AT }

    /** Fills a new object's payload before anyone can see the object. */
    @FunctionalInterface
    public interface PayloadInitializer {
        void initialise(java.lang.foreign.MemorySegment payload) throws IOException;
    }

    private final Scope scope;
    private final Path at;
    private final NamedObjectAccess access;
    private volatile StoreLocation location;

    private Namespace(Scope scope, Path at, NamedObjectAccess access, StoreLocation location) {
        this.scope = scope;
        this.at = at;
        this.access = access;
        this.location = location;
    }

    /** This user's owner-only namespace. */
    public static Namespace local() {
        return new Namespace(Scope.LOCAL, null, NamedObjectAccess.OWNER_ONLY, null);
    }

    /** The machine-wide namespace; objects created through it allow others {@code access}. */
    public static Namespace global(NamedObjectAccess access) {
        Checks.notNull(access, "access");
        return new Namespace(Scope.GLOBAL, null, access, null);
    }

    /** An owner-only namespace in {@code directory}. */
    public static Namespace at(Path directory) {
        Checks.notNull(directory, "directory");
        return new Namespace(Scope.AT, directory.toAbsolutePath().normalize(), NamedObjectAccess.OWNER_ONLY, null);
    }

    private static NamedObjectStore store() {
        return Platform.current().namedObjects();
    }

    /** Where the store keeps this namespace; resolved once. */
    private StoreLocation location() throws IOException {
        StoreLocation resolved = location;
        if (resolved == null) {
            NamedObjectStore store = store();
            resolved = switch (scope) {
                case LOCAL -> store.local();
                case GLOBAL -> store.global(new ObjectPermissions(access.group().read(), access.group().write(),
                        access.others().read(), access.others().write()));
                case AT -> store.at(at);
            };
            location = resolved;
        }
        return resolved;
    }

    @Override
    public Path directory() {
        if (scope == Scope.AT) {
            return at;
        }
        try {
            return location().directory();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public NamedObjectAccess access() {
        return access;
    }

    /** The file that holds {@code name} (whether or not it exists). Never outside {@link #directory()}. */
    public Path pathOf(String name) throws IOException {
        return store().pathOf(location(), NameEncoding.fileName(name));
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
        Platform platform = Platform.current();
        NamedObjectStore store = platform.namedObjects();
        StoreLocation where = location();
        long headerSize = SharedObjectDescriptor.headerSize(name.length(), platform.mappings().pageSize());
        if (payloadSize > Long.MAX_VALUE - headerSize) {
            throw new IllegalArgumentException("payloadSize " + payloadSize + " is too large");
        }
        SharedHeader header = new SharedHeader(kind, access, capacity, headerSize, platform.processes().processId(),
                platform.processes().userId(), StartTime.MILLIS, System.currentTimeMillis(), name);
        HeldObject held = store.create(where, NameEncoding.fileName(name), name,
                file -> SharedFiles.build(file, header, payloadSize, reserve, initializer));
        return new SharedHandle(this, held, header, payloadSize, true, true);
    }

    /**
     * Holds a live object through a handle obtained another way (e.g. inherited from a parent process) whose
     * name is {@code path}: takes the holder mark and reads the header. The caller has checked the file's
     * identity; on failure the caller closes {@code file}.
     */
    public static SharedHandle adopt(OsFile file, Path path, boolean writable) throws IOException {
        HeldObject held = store().adopt(file, path, writable);
        SharedHeader header = SharedFiles.readHeader(file, path.toString());
        Namespace namespace = at(path.getParent());
        return new SharedHandle(namespace, held, header, file.size() - header.headerSize(), writable, false);
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
        HeldObject held = store().open(location(), NameEncoding.fileName(name), name, writable);
        try {
            OsFile file = held.file();
            SharedHeader header = SharedFiles.readHeader(file, name);
            if (!kinds.contains(header.kind())) {
                throw new FileSystemException(name, null, "is a " + header.kind() + ", not a " + kinds);
            }
            return new SharedHandle(this, held, header, file.size() - header.headerSize(), writable, false);
        } catch (IOException | RuntimeException | Error e) {
            try {
                held.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
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
                } catch (FileAlreadyExistsException raced) {
                    // someone created it between our open and create: open theirs
                }
            }
        }
    }

    @Override
    public void remove(String name) throws IOException {
        NameEncoding.check(name, "name");
        store().remove(location(), NameEncoding.fileName(name), name);
    }

    @Override
    public int sweep() throws IOException {
        return store().sweep(location());
    }

    @Override
    public List<NamedObjectInfo> list() throws IOException {
        List<NamedObjectInfo> infos = new ArrayList<>();
        try (SharedFiles.HeaderReader headers = new SharedFiles.HeaderReader()) {
            store().forEachLive(location(), (file, size, holders) -> {
                try {
                    SharedHeader header = headers.read(file, size, file.path());
                    infos.add(new NamedObjectInfo(header.name(), header.kind(), header.capacity(), holders,
                            header.creatorPid(), header.creatorUid(), Instant.ofEpochMilli(header.createdMillis())));
                } catch (NoSuchFileException | java.nio.file.AccessDeniedException gone) {
                    // reclaimed meanwhile, or another user's object this user may not read
                } catch (FileSystemException corrupt) {
                    // not an object this library made: list() shows objects, not debris
                }
            });
        }
        infos.sort(Comparator.comparing(NamedObjectInfo::name));
        return infos;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Namespace that && scope == that.scope && java.util.Objects.equals(at, that.at)
                && access.equals(that.access);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scope, at, access);
    }

    @Override
    public String toString() {
        return switch (scope) {
            case LOCAL -> "SharedNamespace[local]";
            case GLOBAL -> "SharedNamespace[global, " + access + "]";
            case AT -> "SharedNamespace[" + at + "]";
        };
    }
}
