package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFile;
import java.nio.file.Path;

/** Publishes the name of a map made from a file, so other processes can open it by name. */
final class NamedPersistedMaps {
    private NamedPersistedMaps() {}

    /** Returns {@code map}, after publishing its name if it has one. */
    static MemoryMappedFile register(MemoryMappedFileImpl map, Path file) {
        if (map.name().isPresent()) {
            map.close();
            throw new UnsupportedOperationException("named persisted maps are not implemented yet");
        }
        return map;
    }
}
