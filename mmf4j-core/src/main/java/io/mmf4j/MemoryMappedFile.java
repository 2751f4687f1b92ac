package io.mmf4j;

import io.mmf4j.internal.MemoryMappedFileImpl;
import io.mmf4j.internal.PersistedMaps;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A memory-mapped file: a file on disk (persisted) or a block of shared memory (non-persisted), opened as a
 * mapping from which {@linkplain #createViewAccessor(long, long, MemoryMappedFileAccess) views} are made —
 * Win32's file-mapping object, .NET's {@code MemoryMappedFile}.
 *
 * {@snippet :
 * try (MemoryMappedFile map = MemoryMappedFile.createFromFile(path, FileMode.OPEN_OR_CREATE, null, 1 << 20);
 *      MemoryMappedViewAccessor view = map.createViewAccessor()) {
 *     view.putLong(0, 42);
 *     view.flush();
 * }
 * }
 *
 * <p><b>Lifecycle.</b> Views outlive the map object that made them: closing the map stops new views
 * from being made, and the file (or shared memory) is released when the map and all its views are closed.
 * Close is idempotent; any other use after close throws {@code IllegalStateException}.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads: views may be created and closed concurrently.
 */
public sealed interface MemoryMappedFile extends AutoCloseable permits MemoryMappedFileImpl {

    /** Maps an existing file with its size as capacity, for reading and writing. */
    static MemoryMappedFile createFromFile(Path path) throws IOException {
        return createFromFile(path, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /** Maps a file opened or created as {@code mode} says, with its size as capacity, for reading and writing. */
    static MemoryMappedFile createFromFile(Path path, FileMode mode) throws IOException {
        return createFromFile(path, mode, null, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /** As {@link #createFromFile(Path, FileMode)}, with a map name ({@code null} for none). */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName) throws IOException {
        return createFromFile(path, mode, mapName, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /** As {@link #createFromFile(Path, FileMode, String, long, MemoryMappedFileAccess)} with READ_WRITE access. */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName, long capacity) throws IOException {
        return createFromFile(path, mode, mapName, capacity, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * Maps a file.
     *
     * @param path     the file
     * @param mode     how to open it; {@code TRUNCATE} and {@code APPEND} are refused
     * @param mapName  a name other processes can open the map by, or {@code null}
     * @param capacity the size of the map: 0 for the file's size (refused for an empty file); larger than the
     *                 file grows the file to exactly this size, reserving its storage; smaller is refused
     * @param access   the widest access of the map's views; {@code WRITE} is refused, and {@code READ}
     *                 cannot grow a file
     * @throws java.nio.file.NoSuchFileException        {@code OPEN} of a missing file
     * @throws java.nio.file.FileAlreadyExistsException {@code CREATE_NEW} of an existing file
     * @throws java.nio.file.AccessDeniedException      the file cannot be opened with the access asked for
     * @throws IllegalArgumentException                 a bad mode, capacity or access; nothing is left behind
     */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName, long capacity,
                                           MemoryMappedFileAccess access) throws IOException {
        return PersistedMaps.fromPath(path, mode, mapName, capacity, access);
    }

    /**
     * Maps the file behind an open channel. The channel must have been opened for writing when
     * {@code access} writes or {@code capacity} grows the file ({@code AccessDeniedException} otherwise).
     *
     * @param leaveOpen {@code false} closes the channel when the map and all its views are closed
     */
    static MemoryMappedFile createFromFile(FileChannel channel, String mapName, long capacity,
                                           MemoryMappedFileAccess access, boolean leaveOpen) throws IOException {
        return PersistedMaps.fromChannel(channel, mapName, capacity, access, leaveOpen);
    }

    /** The size of the map in bytes. */
    long capacity();

    /** The map's name, or empty for an anonymous map. */
    Optional<String> name();

    /** The widest access a view of this map may have. */
    MemoryMappedFileAccess access();

    /** A view of the whole map with the map's access. */
    MemoryMappedViewAccessor createViewAccessor() throws IOException;

    /** A view of {@code [offset, offset + size)} with the map's access; size 0 means to the end of the map. */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size) throws IOException;

    /**
     * A view of {@code [offset, offset + size)}; size 0 means to the end of the map. The offset needs no
     * alignment: the view maps from the page below and reports the difference as
     * {@link MemoryMappedViewAccessor#pointerOffset()}.
     *
     * @throws IllegalArgumentException negative numbers, a range past the capacity, or an access wider than the map's
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess access) throws IOException;

    /** A stream over the whole map with the map's access. */
    MemoryMappedViewStream createViewStream() throws IOException;

    /** A stream over {@code [offset, offset + size)} with the map's access; size 0 means to the end. */
    MemoryMappedViewStream createViewStream(long offset, long size) throws IOException;

    /** A stream over {@code [offset, offset + size)}; the rules of {@link #createViewAccessor(long, long, MemoryMappedFileAccess)}. */
    MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess access) throws IOException;

    /** Closes this map object; open views stay usable. Idempotent. */
    @Override
    void close();
}
