package io.mmf4j.internal.sync;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.function.Consumer;

/** Where named sync objects live: the shared namespace and lifetime layer of named maps. */
final class SyncNamespace {
    private SyncNamespace() {}

    static SyncBlock create(SyncObjects.Kind kind, String name, Consumer<MemorySegment> initialiser)
            throws IOException {
        throw new UnsupportedOperationException("waiting for the namespace layer");
    }

    static SyncObjects.Opened createOrOpen(SyncObjects.Kind kind, String name, Consumer<MemorySegment> initialiser)
            throws IOException {
        throw new UnsupportedOperationException("waiting for the namespace layer");
    }

    static SyncBlock openExisting(SyncObjects.Kind kind, String name) throws IOException {
        throw new UnsupportedOperationException("waiting for the namespace layer");
    }
}
