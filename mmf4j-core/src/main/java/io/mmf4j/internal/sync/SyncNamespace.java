package io.mmf4j.internal.sync;

import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.shared.NameEncoding;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Creates and opens the blocks of named sync objects in the shared namespace layer ({@link Namespace}): each
 * mutex, semaphore or event is a named-object file of its kind whose payload is the kind's descriptor block, with
 * the layer's name rules, per-user owner-only default, atomic creation and reclamation at the last holder (or its
 * death).
 *
 * <p>A new block is initialised by its creator and published by writing its kind's MAGIC last; an opener checks
 * the MAGIC, so it never uses a half-made object or one of another kind (or of another layout version).
 * Stateless; thread-safe.
 */
public final class SyncNamespace {
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

    /** Sync objects keep no access code in the header: every holder reads and writes the block. */
    private static final int ACCESS_CODE = 0;

    private SyncNamespace() {}

    public static SyncBlock create(SharedNamespace namespace, Kind kind, String name,
                                   Consumer<MemorySegment> initialiser) throws IOException {
        NameEncoding.check(name, "name");
        return map(namespace(namespace).create(kind.objectKind, name, kind.size, kind.size, ACCESS_CODE, true,
                block -> initialise(kind, block, initialiser)), kind);
    }

    public static Opened createOrOpen(SharedNamespace namespace, Kind kind, String name,
                                      Consumer<MemorySegment> initialiser) throws IOException {
        NameEncoding.check(name, "name");
        SharedHandle handle = namespace(namespace).createOrOpen(kind.objectKind, name, kind.size, kind.size,
                ACCESS_CODE, true, block -> initialise(kind, block, initialiser), true);
        return new Opened(map(handle, kind), handle.created());
    }

    public static SyncBlock openExisting(SharedNamespace namespace, Kind kind, String name) throws IOException {
        NameEncoding.check(name, "name");
        return map(namespace(namespace).open(kind.objectKind, name, true), kind);
    }

    /** A handle of a mutex opened: the watch of ended threads looks at it. */
    public static void mutexOpened(MutexCore core) {
        Owners.opened(core);
    }

    /** A mutex handle closed: releases its block, at once or once no thread of this process holds it. */
    public static void mutexClosed(MutexCore core, SyncBlock block) {
        Owners.closed(core, block);
    }

    private static Namespace namespace(SharedNamespace namespace) {
        return (Namespace) Objects.requireNonNull(namespace, "namespace"); // sealed: Namespace is the only one
    }

    /** Writes a new block: the kind's fields by {@code initialiser}, then MAGIC, which publishes it. */
    private static void initialise(Kind kind, MemorySegment block, Consumer<MemorySegment> initialiser) {
        initialiser.accept(block);
        Words.setIntVolatile(block, kind.magicOffset, kind.magic);
    }

    /** Checks that an opened block is a published object of {@code kind}. */
    private static void checkPublished(Kind kind, String name, MemorySegment block) throws IOException {
        int magic = Words.getIntVolatile(block, kind.magicOffset);
        if (magic != kind.magic) {
            throw new IOException("named " + kind.label + " \"" + name + "\" is damaged or not a " + kind.label
                    + " (magic 0x" + Integer.toHexString(magic) + ")");
        }
        if (kind == Kind.SEMAPHORE) { // counts are untrusted input too
            SemaphoreCore semaphore = new SemaphoreCore(block);
            int maximum = semaphore.maximum();
            int count = semaphore.available();
            if (maximum <= 0 || count < 0 || count > maximum) {
                throw new IOException("named " + kind.label + " \"" + name + "\" is damaged (count " + count
                        + ", maximum " + maximum + ")");
            }
        }
    }

    /** Maps the handle's block in its own shared arena; on any failure lets go of the handle. */
    private static SyncBlock map(SharedHandle handle, Kind kind) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            if (handle.payloadSize() < kind.size) {
                throw new IOException("named " + kind.label + " \"" + handle.name() + "\" has a block of "
                        + handle.payloadSize() + " bytes, not " + kind.size);
            }
            MemorySegment block = handle.mapPayload(0, kind.size, MapAccess.READ_WRITE, arena);
            checkPublished(kind, handle.name(), block);
            return new SyncBlock(handle.name(), block, () -> {
                try {
                    handle.close();
                } finally {
                    closeArena(arena);
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            closeArena(arena);
            try {
                handle.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Unmaps now, or, while a thread of this process still sleeps in the kernel on the block (a downcall keeps
     * the arena acquired), a little later: the memory stays mapped until no call uses it, so nothing can fault.
     */
    static void closeArena(Arena arena) {
        try {
            arena.close();
        } catch (IllegalStateException busy) {
            if (arena.scope().isAlive()) {
                Thread.ofVirtual().name("mmf4j-sync-unmap").start(() -> {
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException ignored) {
                        // try again at once
                    }
                    closeArena(arena);
                });
            }
        }
    }
}
