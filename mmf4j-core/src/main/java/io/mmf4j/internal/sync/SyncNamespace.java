package io.mmf4j.internal.sync;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/**
 * Named sync objects in the shared namespace layer ({@link Namespace}): each object is a named-object file of
 * its kind whose payload is the kind's descriptor block. The layer gives the name rules, the per-user
 * owner-only default, atomic creation and reclamation at the last holder (or its death). Stateless.
 */
final class SyncNamespace {
    /** Sync objects keep no access code in the header: every holder reads and writes the block. */
    private static final int ACCESS_CODE = 0;

    private SyncNamespace() {}

    static SyncBlock create(Namespace namespace, SyncObjects.Kind kind, String name,
                            Consumer<MemorySegment> initialiser) throws IOException {
        return map(namespace.create(kind.objectKind, name, kind.size, kind.size, ACCESS_CODE, true,
                block -> SyncObjects.initialise(kind, block, initialiser)), kind);
    }

    static SyncObjects.Opened createOrOpen(Namespace namespace, SyncObjects.Kind kind, String name,
                                           Consumer<MemorySegment> initialiser) throws IOException {
        SharedHandle handle = namespace.createOrOpen(kind.objectKind, name, kind.size, kind.size, ACCESS_CODE, true,
                block -> SyncObjects.initialise(kind, block, initialiser), true);
        return new SyncObjects.Opened(map(handle, kind), handle.created());
    }

    static SyncBlock openExisting(Namespace namespace, SyncObjects.Kind kind, String name) throws IOException {
        return map(namespace.open(kind.objectKind, name, true), kind);
    }

    /** Maps the handle's block in its own shared arena; on any failure lets go of the handle. */
    private static SyncBlock map(SharedHandle handle, SyncObjects.Kind kind) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            if (handle.payloadSize() < kind.size) {
                throw new IOException("named " + kind.label + " \"" + handle.name() + "\" has a block of "
                        + handle.payloadSize() + " bytes, not " + kind.size);
            }
            MemorySegment block = handle.mapPayload(0, kind.size, MapAccess.READ_WRITE, arena);
            SyncObjects.checkPublished(kind, handle.name(), block);
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
