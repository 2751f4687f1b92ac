package io.mmf4j.internal.shared;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.FileSystemException;

/** Builds a new object's file and reads an existing one's header. Stateless and thread-safe. */
final class SharedFiles {
    private SharedFiles() {}

    /**
     * Sizes an unnamed file, commits it (all of it if {@code reserve}, the header always, so writing the header
     * cannot fault), writes the header and runs the initializer.
     */
    static void build(OsFile file, SharedHeader header, long payloadSize, boolean reserve,
                      Namespace.PayloadInitializer initializer) throws IOException {
        long total = header.headerSize() + payloadSize;
        if (reserve) {
            file.allocate(0, total);
        } else {
            file.allocate(0, header.headerSize());
            file.setLength(total);
        }
        Platform platform = Platform.current();
        try (Arena arena = Arena.ofConfined()) {
            header.writeTo(platform.map(file, 0, header.headerSize(), MapAccess.READ_WRITE, arena));
            if (initializer != null) {
                initializer.initialise(platform.map(file, header.headerSize(), payloadSize, MapAccess.READ_WRITE, arena));
            }
        }
    }

    /** Reads and checks the header of an object's file; {@code FileSystemException} if it is not one. */
    static SharedHeader readHeader(OsFile file, String subject) throws IOException {
        Platform platform = Platform.current();
        long pageSize = platform.pageSize();
        long size = file.size();
        if (size < pageSize) { // mapping past the end would fault: check first
            throw new FileSystemException(subject, null, "not an mmf4j named object (" + size + " bytes)");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment first = platform.map(file, 0, pageSize, MapAccess.READ, arena);
            long headerSize = SharedHeader.declaredHeaderSize(first, pageSize, subject);
            if (size < headerSize) {
                throw new FileSystemException(subject, null, "named-object file is shorter than its header");
            }
            MemorySegment all = headerSize == pageSize ? first : platform.map(file, 0, headerSize, MapAccess.READ, arena);
            return SharedHeader.readFrom(all, subject);
        }
    }
}
