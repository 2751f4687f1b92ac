package io.mmf4j.internal;

import static io.mmf4j.internal.PersistedMapEntryDescriptor.*;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Named persisted maps: a map made from a file with a name gets a {@code PERSISTED_MAP} entry in the local
 * namespace that says which file it maps (see {@link PersistedMapEntryDescriptor}); {@code openExisting(name)}
 * in any process of the same user then maps that same file. The entry lives as long as some holder of the
 * name (the creating map and its views, and every map opened by the name) is open, as a Windows name does.
 */
final class NamedPersistedMaps {
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private NamedPersistedMaps() {}

    /**
     * Returns {@code map}, after publishing its name if it has one; on failure throws
     * ({@code FileAlreadyExistsException} when the name is live) and leaves undoing the map to the caller.
     */
    static MemoryMappedFile register(MemoryMappedFileImpl map, Path file) throws IOException {
        if (map.name().isEmpty()) {
            return map;
        }
        if (!(map.source() instanceof FileSource source)) {
            throw new UnsupportedOperationException("a named map needs a path: a map made from a FileChannel "
                    + "cannot be named (give createFromFile the Path instead)");
        }
        byte[] path = file.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        FileIdentity identity = source.file().identity();
        SharedHandle entry = Namespace.local().create(NamedObjectKind.PERSISTED_MAP, map.name().get(),
                map.capacity(), payloadSize(path.length), map.access().ordinal(), true, payload -> {
                    payload.set(LONG, DEVICE_OFFSET, identity.device());
                    payload.set(LONG, INODE_OFFSET, identity.inode());
                    payload.set(INT, PATH_LENGTH_OFFSET, path.length);
                    MemorySegment.copy(path, 0, payload, ValueLayout.JAVA_BYTE, PATH_OFFSET, path.length);
                });
        try {
            MapGrowth.shareThrough(map, entry); // growth raises the entry's capacity; openers read it there
        } catch (IOException | RuntimeException | Error e) {
            entry.close();
            throw e;
        }
        source.whenLastHolderCloses(entry);
        return map;
    }

    /** Maps the file a live entry names, with {@code access}; the entry is held until the map's last close. */
    static MemoryMappedFile open(SharedHandle entry, MemoryMappedFileAccess access) throws IOException {
        Path path;
        FileIdentity expected;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment payload = entry.mapPayload(0, entry.payloadSize(), MapAccess.READ, arena);
            int length = payload.get(INT, PATH_LENGTH_OFFSET);
            if (length <= 0 || length > entry.payloadSize() - PATH_OFFSET) {
                throw new java.nio.file.FileSystemException(entry.name(), null, "corrupt persisted-map entry");
            }
            byte[] bytes = payload.asSlice(PATH_OFFSET, length).toArray(ValueLayout.JAVA_BYTE);
            path = Path.of(new String(bytes, StandardCharsets.UTF_8));
            expected = new FileIdentity(payload.get(LONG, DEVICE_OFFSET), payload.get(LONG, INODE_OFFSET), 1);
        }
        FileAccess fileAccess = NamedMaps.sharedWrite(access) ? FileAccess.READ_WRITE : FileAccess.READ;
        OsFile file = Platform.current().files().openFile(path, fileAccess, FileCreation.OPEN_EXISTING);
        try {
            if (!file.identity().sameFile(expected)) {
                throw new NoSuchFileException(entry.name(), path.toString(),
                        "the file that named map was made from has been replaced");
            }
            file.markMapped();
            long capacity = entry.header().capacity();
            if (file.size() < capacity) { // mapping past the end would fault
                throw new java.nio.file.FileSystemException(entry.name(), path.toString(),
                        "the file is now " + file.size() + " bytes, shorter than the map's capacity " + capacity);
            }
            FileSource source = new FileSource(file, () -> { });
            source.whenLastHolderCloses(entry);
            MemoryMappedFileImpl map = new MemoryMappedFileImpl(source, entry.name(), capacity, access);
            try {
                MapGrowth.shareThrough(map, entry);
            } catch (IOException | RuntimeException | Error e) {
                map.close();
                throw e;
            }
            return map;
        } catch (IOException | RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }
}
