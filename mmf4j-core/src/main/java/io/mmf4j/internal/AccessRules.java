package io.mmf4j.internal;

import io.mmf4j.MemoryMappedFileAccess;

/** Which view access a map's access allows: a subset, where COPY_ON_WRITE counts as read. */
public final class AccessRules {
    private AccessRules() {}

    public static boolean allows(MemoryMappedFileAccess map, MemoryMappedFileAccess view) {
        if (view == MemoryMappedFileAccess.WRITE) {
            return false;
        }
        if (view == MemoryMappedFileAccess.COPY_ON_WRITE) {
            return map.canRead();
        }
        if (map == MemoryMappedFileAccess.COPY_ON_WRITE) {
            return view == MemoryMappedFileAccess.READ;
        }
        return (!view.canRead() || map.canRead())
                && (!view.canWrite() || map.canWrite())
                && (!view.canExecute() || map.canExecute());
    }

    static void checkViewAccess(MemoryMappedFileAccess map, MemoryMappedFileAccess view, String mapDescription) {
        if (view == MemoryMappedFileAccess.WRITE) {
            throw new IllegalArgumentException("access WRITE cannot be mapped (no mapping is write-only): use READ_WRITE");
        }
        if (!allows(map, view)) {
            throw new IllegalArgumentException("access " + view + " is wider than the " + map + " access of map "
                    + mapDescription);
        }
    }
}
