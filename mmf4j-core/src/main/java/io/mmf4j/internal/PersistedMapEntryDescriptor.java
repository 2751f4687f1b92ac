package io.mmf4j.internal;

/**
 * The payload of a {@code PERSISTED_MAP} entry in a namespace: which file the named map maps. The entry's
 * header carries the name, the capacity and the creator's access; this payload, written once before the
 * entry gets its name, says where the file is and which file it must be (a file renamed or replaced since is
 * refused, not silently mapped). Little-endian.
 *
 * <pre>
 *  0          8          16           20
 *  +----------+----------+------------+---------------------------+
 *  | DEVICE   | INODE    | PATH_LEN   | PATH (UTF-8, PATH_LEN B)  |
 *  +----------+----------+------------+---------------------------+
 * </pre>
 */
final class PersistedMapEntryDescriptor {
    static final long DEVICE_OFFSET = 0;
    static final long INODE_OFFSET = 8;
    static final long PATH_LENGTH_OFFSET = 16;
    static final long PATH_OFFSET = 20;

    private PersistedMapEntryDescriptor() {}

    static long payloadSize(int pathBytes) {
        return PATH_OFFSET + pathBytes;
    }
}
