package io.mmf4j.internal.sync;

import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.shared.Namespace;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Creates and opens the blocks of named sync objects: one small named shared-memory object per mutex,
 * semaphore or event, in the same namespace and with the same lifetime rules as named maps.
 *
 * <p>A new block is initialised by its creator and published by writing its kind's MAGIC last; an opener checks
 * the MAGIC, so it never uses a half-made object or one of another kind. Thread-safe.
 */
public final class SyncObjects {
    /** The kinds of sync objects, each with its own layout, MAGIC and name space. */
    public enum Kind {
        MUTEX(NamedObjectKind.MUTEX, "mutex", MutexDescriptor.SIZE, MutexDescriptor.MAGIC_OFFSET,
                MutexDescriptor.MAGIC),
        SEMAPHORE(NamedObjectKind.SEMAPHORE, "semaphore", SemaphoreDescriptor.SIZE, SemaphoreDescriptor.MAGIC_OFFSET,
                SemaphoreDescriptor.MAGIC),
        EVENT(NamedObjectKind.EVENT, "event", EventDescriptor.SIZE, EventDescriptor.MAGIC_OFFSET,
                EventDescriptor.MAGIC);

        final NamedObjectKind objectKind;
        final String label;
        final long size;
        final long magicOffset;
        final int magic;

        Kind(NamedObjectKind objectKind, String label, long size, long magicOffset, int magic) {
            this.objectKind = objectKind;
            this.label = label;
            this.size = size;
            this.magicOffset = magicOffset;
            this.magic = magic;
        }
    }

    /** An opened block and whether this call created it. */
    public record Opened(SyncBlock block, boolean created) {}

    private SyncObjects() {}

    public static SyncBlock create(SharedNamespace namespace, Kind kind, String name,
                                   Consumer<MemorySegment> initialiser) throws IOException {
        checkName(name);
        return SyncNamespace.create(namespace(namespace), kind, name, initialiser);
    }

    public static Opened createOrOpen(SharedNamespace namespace, Kind kind, String name,
                                      Consumer<MemorySegment> initialiser) throws IOException {
        checkName(name);
        return SyncNamespace.createOrOpen(namespace(namespace), kind, name, initialiser);
    }

    public static SyncBlock openExisting(SharedNamespace namespace, Kind kind, String name) throws IOException {
        checkName(name);
        return SyncNamespace.openExisting(namespace(namespace), kind, name);
    }

    private static Namespace namespace(SharedNamespace namespace) {
        return (Namespace) Objects.requireNonNull(namespace, "namespace"); // sealed: Namespace is the only one
    }

    private static void checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
    }

    /** Writes a new block: the kind's fields by {@code initialiser}, then MAGIC, which publishes it. */
    static void initialise(Kind kind, MemorySegment block, Consumer<MemorySegment> initialiser) {
        initialiser.accept(block);
        Words.setInt(block, kind.magicOffset, kind.magic);
    }

    /** Checks that an opened block is a published object of {@code kind}. */
    static void checkPublished(Kind kind, String name, MemorySegment block) throws IOException {
        int magic = Words.getInt(block, kind.magicOffset);
        if (magic != kind.magic) {
            throw new IOException("named " + kind.label + " \"" + name + "\" is damaged or not a " + kind.label
                    + " (magic 0x" + Integer.toHexString(magic) + ")");
        }
        if (kind.objectKind == io.mmf4j.NamedObjectKind.SEMAPHORE) { // counts are untrusted input too
            SemaphoreCore semaphore = new SemaphoreCore(block);
            int maximum = semaphore.maximum();
            int count = semaphore.available();
            if (maximum <= 0 || count < 0 || count > maximum) {
                throw new IOException("named " + kind.label + " \"" + name + "\" is damaged (count " + count
                        + ", maximum " + maximum + ")");
            }
        }
    }

    /** A handle of a mutex opened: the watch of ended threads looks at it. */
    public static void mutexOpened(MutexCore core) {
        Owners.opened(core);
    }

    /** A mutex handle closed: releases its block, at once or once no thread of this process holds it. */
    public static void mutexClosed(MutexCore core, SyncBlock block) {
        Owners.closed(core, block);
    }
}
