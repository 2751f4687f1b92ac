package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.NameEncoding;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The {@code createNew} / {@code createOrOpen} / {@code openExisting} factories: non-persisted maps, named in a
 * {@link Namespace} or anonymous (memfd), and the opening of named persisted maps.
 */
public final class NamedMaps {
    private static final Set<NamedObjectKind> MAP_KINDS = EnumSet.of(NamedObjectKind.MAP, NamedObjectKind.PERSISTED_MAP);

    private NamedMaps() {}

    public static MemoryMappedFile createNew(SharedNamespace namespace, String mapName, long capacity,
                                             MemoryMappedFileAccess access, MemoryMappedFileOptions... options)
            throws IOException {
        boolean reserve = checkCreation(namespace, mapName, capacity, access, options);
        if (access == MemoryMappedFileAccess.WRITE) {
            throw new IllegalArgumentException("access WRITE cannot be used to create a map: use READ_WRITE");
        }
        String what = mapName == null ? "anonymous map" : "map '" + mapName + "'";
        if (reserve) { // memory-backed: a size the machine cannot give must not start the OOM killer
            Platform.current().files().checkMemoryAvailable(capacity, what);
        }
        try {
            if (mapName == null) {
                return anonymous(capacity, access, reserve);
            }
            SharedHandle handle = ((Namespace) namespace).create(NamedObjectKind.MAP, mapName, capacity, capacity,
                    access.ordinal(), reserve, null);
            return new MemoryMappedFileImpl(new SharedMapSource(handle), mapName, capacity, access);
        } catch (IOException e) {
            throw naming(e, mapName, "creating " + what + " of " + capacity + " bytes");
        }
    }

    /**
     * The failure of an OS call made for a map, named by the map (not by the encoded file under it): a plain
     * {@code IOException} (e.g. no space) gets the map's name and size, an {@code AccessDeniedException} the map's
     * name as its file. Other {@code java.nio.file} exceptions already say what they mean and pass unchanged.
     */
    static IOException naming(IOException e, String mapName, String doing) {
        if (e.getClass() == IOException.class) {
            return new IOException(doing + ": " + e.getMessage(), e);
        }
        if (e instanceof java.nio.file.AccessDeniedException denied && mapName != null) {
            java.nio.file.AccessDeniedException named = new java.nio.file.AccessDeniedException(mapName,
                    denied.getFile(), doing + ": " + denied.getReason());
            named.initCause(e);
            return named;
        }
        return e;
    }

    public static MemoryMappedFile createOrOpen(SharedNamespace namespace, String mapName, long capacity,
                                                MemoryMappedFileAccess access, MemoryMappedFileOptions... options)
            throws IOException {
        boolean reserve = checkCreation(namespace, mapName, capacity, access, options);
        if (mapName == null) {
            return createNew(namespace, null, capacity, access, options);
        }
        Namespace ns = (Namespace) namespace;
        MemoryMappedFileRights rights = rightsFor(access);
        while (true) {
            try {
                return openExisting(ns, mapName, rights);
            } catch (NoSuchFileException missing) {
                if (access == MemoryMappedFileAccess.WRITE) {
                    throw new IllegalArgumentException("access WRITE can open a live map but not create one, and no map '"
                            + mapName + "' is live: use READ_WRITE");
                }
            }
            try {
                return createNew(ns, mapName, capacity, access, options);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // created by another process between our open and our create: open theirs
            }
        }
    }

    public static MemoryMappedFile openExisting(SharedNamespace namespace, String mapName, MemoryMappedFileRights rights)
            throws IOException {
        Checks.notNull(namespace, "namespace");
        Checks.notNull(mapName, "mapName");
        Checks.notNull(rights, "rights");
        NameEncoding.checkMapName(mapName);
        boolean writable = sharedWrite(rights.access());
        SharedHandle handle;
        try {
            handle = ((Namespace) namespace).open(MAP_KINDS, mapName, writable);
        } catch (IOException e) {
            throw naming(e, mapName, "opening map '" + mapName + "' for " + (writable ? "writing" : "reading"));
        }
        try {
            MemoryMappedFileAccess created = MemoryMappedFileAccess.values()[handle.header().access()];
            MemoryMappedFileAccess access = narrower(created, rights.access());
            if (handle.kind() == NamedObjectKind.PERSISTED_MAP) {
                return NamedPersistedMaps.open(handle, access);
            }
            return new MemoryMappedFileImpl(new SharedMapSource(handle), mapName, handle.header().capacity(), access);
        } catch (IOException | RuntimeException | Error e) {
            try {
                handle.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static MemoryMappedFile anonymous(long capacity, MemoryMappedFileAccess access, boolean reserve)
            throws IOException {
        OsFile file = Platform.current().files().createAnonymous("anonymous map");
        try {
            if (reserve) {
                file.allocate(0, capacity);
            } else {
                file.setLength(capacity);
            }
            FileSource source = new FileSource(file, () -> { });
            // sealed against shrinking (the backend's anonymous files are); reserved, its pages cannot vanish either
            return new MemoryMappedFileImpl(reserve ? source.pagesStay() : source.delayAllocationOnGrowth(), null,
                    capacity, access);
        } catch (IOException | RuntimeException | Error e) {
            try {
                file.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Checks the arguments every creation shares; returns whether to commit the whole capacity now. */
    private static boolean checkCreation(SharedNamespace namespace, String mapName, long capacity,
                                         MemoryMappedFileAccess access, MemoryMappedFileOptions... options) {
        Checks.notNull(namespace, "namespace");
        Checks.notNull(access, "access");
        Checks.notNull(options, "options");
        NameEncoding.checkMapName(mapName);
        Checks.positive(capacity, "capacity");
        boolean reserve = true;
        for (MemoryMappedFileOptions option : options) {
            Checks.notNull(option, "options[]");
            if (option == MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES) {
                reserve = false;
            }
        }
        return reserve;
    }

    /** The rights a createOrOpen of {@code access} asks for when the map is live. */
    private static MemoryMappedFileRights rightsFor(MemoryMappedFileAccess access) {
        return switch (access) {
            case READ -> MemoryMappedFileRights.READ;
            case WRITE, READ_WRITE -> MemoryMappedFileRights.READ_WRITE;
            case COPY_ON_WRITE -> MemoryMappedFileRights.COPY_ON_WRITE;
            case READ_EXECUTE -> MemoryMappedFileRights.READ_EXECUTE;
            case READ_WRITE_EXECUTE -> MemoryMappedFileRights.READ_WRITE_EXECUTE;
        };
    }

    /** Whether views of this access write to the shared memory (and so need it opened for writing). */
    static boolean sharedWrite(MemoryMappedFileAccess access) {
        return access.canWrite() && access != MemoryMappedFileAccess.COPY_ON_WRITE;
    }

    /** What both the creator's access and the opener's rights allow. */
    static MemoryMappedFileAccess narrower(MemoryMappedFileAccess created, MemoryMappedFileAccess asked) {
        if (asked == MemoryMappedFileAccess.COPY_ON_WRITE || created == MemoryMappedFileAccess.COPY_ON_WRITE) {
            return asked.canWrite() ? MemoryMappedFileAccess.COPY_ON_WRITE : MemoryMappedFileAccess.READ;
        }
        boolean write = sharedWrite(created) && sharedWrite(asked);
        boolean execute = created.canExecute() && asked.canExecute();
        if (execute) {
            return write ? MemoryMappedFileAccess.READ_WRITE_EXECUTE : MemoryMappedFileAccess.READ_EXECUTE;
        }
        return write ? MemoryMappedFileAccess.READ_WRITE : MemoryMappedFileAccess.READ;
    }
}
