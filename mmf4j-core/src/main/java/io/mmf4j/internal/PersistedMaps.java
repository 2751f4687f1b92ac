package io.mmf4j.internal;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.NameEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code createFromFile} factories: argument rules, opening, sizing, and undoing all of it when a
 * step fails, so that a failed call leaves the file system as it found it.
 */
public final class PersistedMaps {
    private PersistedMaps() {}

    public static MemoryMappedFile fromPath(Path path, FileMode mode, String mapName, long capacity,
                                            MemoryMappedFileAccess access) throws IOException {
        Checks.notNull(path, "path");
        Checks.notNull(mode, "mode");
        Checks.notNull(access, "access");
        Checks.nonNegative(capacity, "capacity");
        checkMapAccess(access);
        FileCreation creation = switch (mode) {
            case CREATE_NEW -> FileCreation.CREATE_NEW;
            case CREATE -> FileCreation.OPEN_OR_CREATE; // truncated below, once no live map is known to hold it
            case OPEN -> FileCreation.OPEN_EXISTING;
            case OPEN_OR_CREATE -> FileCreation.OPEN_OR_CREATE;
            case TRUNCATE, APPEND -> throw new IllegalArgumentException(
                    "mode " + mode + " cannot be used to map a file: use CREATE, CREATE_NEW, OPEN or OPEN_OR_CREATE");
        };
        if (capacity == 0 && (mode == FileMode.CREATE || mode == FileMode.CREATE_NEW)) {
            throw new IllegalArgumentException("capacity 0 means the file's size, and a file made by " + mode
                    + " is empty: give a capacity > 0");
        }
        if (!growsFile(access) && (mode == FileMode.CREATE || mode == FileMode.CREATE_NEW)) {
            throw new IllegalArgumentException(access + " access cannot grow a file, and " + mode + " makes an empty one");
        }
        NameEncoding.checkMapName(mapName);
        FileAccess fileAccess = growsFile(access) ? FileAccess.READ_WRITE : FileAccess.READ;
        OsFile file = Platform.current().files().openFile(path, fileAccess, creation);
        long originalSize = -1;
        try {
            if (mode == FileMode.CREATE && !file.created()) {
                if (file.mappedElsewhere()) { // Windows refuses CREATE_ALWAYS on a mapped file too
                    throw new java.nio.file.FileSystemException(path.toString(), null, "FileMode.CREATE would "
                            + "truncate a file that live maps (of this or another process) have mapped: close them, "
                            + "or map it with OPEN");
                }
                file.setLength(0);
            }
            file.markMapped();
            originalSize = file.size();
            long mapCapacity = sizeFor(file.path(), originalSize, capacity, access);
            if (mapCapacity > originalSize) {
                file.allocate(originalSize, mapCapacity - originalSize);
            }
            FileSource source = new FileSource(file, () -> { });
            // An extra hold across registration: a failing register closes the map, and the descriptor must
            // stay open until undo below has put the file back (a closed fd number may name another file).
            source.retain();
            MemoryMappedFile map = NamedPersistedMaps.register(new MemoryMappedFileImpl(source, mapName, mapCapacity, access), path);
            source.letGo(); // back to the map's own hold; never the last one
            return map;
        } catch (IOException | RuntimeException | Error e) {
            undo(path, file, originalSize, e);
            throw e;
        }
    }

    /** Leaves the file as it was before the call: removed if the call made it, its old size otherwise. */
    private static void undo(Path path, OsFile file, long originalSize, Throwable failure) {
        try {
            // Cut back what the call grew, unless live maps elsewhere use the file: shrinking it under them
            // would make their pages vanish.
            if (!file.created() && originalSize >= 0 && file.writable() && file.size() != originalSize
                    && !file.mappedElsewhere()) {
                file.setLength(originalSize);
            }
            file.close();
            if (file.created()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public static MemoryMappedFile fromChannel(FileChannel channel, String mapName, long capacity,
                                               MemoryMappedFileAccess access, boolean leaveOpen) throws IOException {
        Checks.notNull(channel, "channel");
        Checks.notNull(access, "access");
        Checks.nonNegative(capacity, "capacity");
        checkMapAccess(access);
        NameEncoding.checkMapName(mapName);
        if (!channel.isOpen()) {
            throw new IllegalArgumentException("channel is closed");
        }
        if (access.canExecute()) {
            throw new UnsupportedOperationException(
                    "execute access needs a map made from a path; a FileChannel cannot map for execution");
        }
        long size = channel.size();
        long mapCapacity = sizeFor("file channel", size, capacity, access);
        boolean grew = false;
        try {
            if (mapCapacity > size) {
                try {
                    channel.write(ByteBuffer.allocate(1), mapCapacity - 1); // grows the file, sparse, to exactly the capacity
                    grew = true;
                } catch (NonWritableChannelException e) {
                    AccessDeniedException denied = new AccessDeniedException("file channel", null,
                            "growing the file to " + mapCapacity + " bytes needs a channel opened for writing");
                    denied.initCause(e);
                    throw denied;
                }
            }
            ChannelSource source = new ChannelSource(channel, leaveOpen);
            if (access.canWrite()) { // FileChannel.map refuses PRIVATE (copy-on-write) on a read-only channel too
                probeWritable(source, channel);
            }
            // An extra hold across registration: a failing register closes the map, which must not close the
            // caller's channel: a failed call leaves the channel as it found it.
            source.retain();
            MemoryMappedFile map = NamedPersistedMaps.register(new MemoryMappedFileImpl(source, mapName, mapCapacity, access), null);
            source.letGo(); // back to the map's own hold; never the last one
            return map;
        } catch (IOException | RuntimeException | Error e) {
            if (grew) {
                try {
                    channel.truncate(size); // a failed call leaves the file at its old size
                } catch (IOException | RuntimeException undo) {
                    e.addSuppressed(undo);
                }
            }
            throw e;
        }
    }

    /** A channel opened for reading only cannot back a writable map: find out now, not at the first view. */
    private static void probeWritable(ChannelSource source, FileChannel channel) throws IOException {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            channel.map(FileChannel.MapMode.READ_WRITE, 0, 0, arena);
        } catch (NonWritableChannelException e) {
            AccessDeniedException denied = new AccessDeniedException(source.describe(), null,
                    "a writable or copy-on-write map needs a channel opened for reading and writing");
            denied.initCause(e);
            throw denied;
        }
    }

    /** Whether a map of this access writes to its file, and so may grow it. */
    static boolean growsFile(MemoryMappedFileAccess access) {
        return access.canWrite() && access != MemoryMappedFileAccess.COPY_ON_WRITE;
    }

    static void checkMapAccess(MemoryMappedFileAccess access) {
        if (access == MemoryMappedFileAccess.WRITE) {
            throw new IllegalArgumentException("access WRITE cannot be used for a map: use READ_WRITE");
        }
    }

    /** The map's capacity by the capacity rules, or an exception naming the rule that was broken. */
    private static long sizeFor(String what, long fileSize, long capacity, MemoryMappedFileAccess access) {
        if (capacity == 0) {
            if (fileSize == 0) {
                throw new IllegalArgumentException("capacity 0 means the file's size, and " + what + " is empty");
            }
            return fileSize;
        }
        if (capacity < fileSize) {
            throw new IllegalArgumentException("capacity " + capacity + " is smaller than the file's size " + fileSize
                    + " (" + what + "): give 0 for the file's size, or at least " + fileSize);
        }
        if (capacity > fileSize && !growsFile(access)) {
            throw new IllegalArgumentException("capacity " + capacity + " would grow " + what + " from " + fileSize
                    + " bytes, which " + access + " access cannot do");
        }
        return capacity;
    }
}
