package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;

/** Which {@link MapCapacity} a map gets from its source, and who may grow it. Stateless. */
final class MapGrowth {
    private MapGrowth() {}

    static MapCapacity capacityOf(MappingSource source, long capacity) throws IOException {
        if (source instanceof SharedMapSource shared) {
            SharedHandle handle = shared.handle();
            // the header's capacity is untrusted: never more than the payload the file held when it was opened
            MapCapacity growth = new MapCapacity(handle.file(), handle.header().headerSize(), true,
                    Math.min(capacity, handle.payloadSize()), handle::payloadGrew);
            growth.share(handle.file());
            if (growth.sharedDelaysAllocation()) {
                growth.delayAllocation();
            }
            return growth;
        }
        if (source instanceof FileSource file) {
            return new MapCapacity(file.file(), 0, file.commitOnGrowth(), capacity, size -> { });
        }
        return MapCapacity.fixed(capacity); // a FileChannel's map: no descriptor to reserve space through
    }

    /** A named persisted map's capacity lives in its namespace entry from now on (see {@link NamedPersistedMaps}). */
    static void shareThrough(MemoryMappedFileImpl map, SharedHandle entry) throws IOException {
        map.growth().share(entry.file());
    }

    static void checkCanGrow(MemoryMappedFileImpl map) {
        MemoryMappedFileAccess access = map.access();
        if (!PersistedMaps.growsFile(access)) {
            throw new UnsupportedOperationException("a map with " + access + " access cannot grow: growing writes to"
                    + " the file, which needs READ_WRITE (or READ_WRITE_EXECUTE) access");
        }
        if (!map.growth().canGrow()) {
            throw new UnsupportedOperationException("a map made from a FileChannel cannot grow: the channel gives"
                    + " no way to reserve the new space; make the map from the Path instead");
        }
    }
}
