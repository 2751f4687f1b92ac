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
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bytes = arena.allocate(header.headerSize(), 8); // zeroed
            header.writeTo(bytes);
            if (!reserve) { // growth follows the creation's commit rule
                bytes.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN),
                        SharedObjectDescriptor.FLAGS_OFFSET, SharedObjectDescriptor.FLAG_DELAY_ALLOCATE);
            }
            file.write(0, bytes); // one pwrite: cheaper than mapping a page for it
            if (initializer != null) {
                initializer.initialise(Platform.current().mappings().map(file, header.headerSize(), payloadSize,
                        MapAccess.READ_WRITE, arena));
            }
        }
    }

    /** Reads and checks the header of an object's file; {@code FileSystemException} if it is not one. */
    static SharedHeader readHeader(OsFile file, String subject) throws IOException {
        long pageSize = Platform.current().mappings().pageSize();
        // Read, not mapped: a file shorter than it claims (another user's debris, a truncation) cannot fault.
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment first = arena.allocate(pageSize, 8);
            if (file.read(0, first) < pageSize) {
                throw new FileSystemException(subject, null, "not an mmf4j named object (shorter than a page)");
            }
            long headerSize = SharedHeader.declaredHeaderSize(first, pageSize, subject);
            MemorySegment all = first;
            if (headerSize > pageSize) {
                all = arena.allocate(headerSize, 8);
                if (file.read(0, all) < headerSize) {
                    throw new FileSystemException(subject, null, "named-object file is shorter than its header");
                }
            }
            return validated(SharedHeader.readFrom(all, subject), file.size(), subject);
        }
    }

    /**
     * Reads the headers of many objects, as a listing does: into one native buffer kept from file to file, and
     * only what a header holds (its fixed fields and the name), not its zero-padded pages. The header is checked
     * as {@link #readHeader} checks it, and against the file's size as the caller stat'ed it; a file that shrinks
     * meanwhile reads short, which is refused. Not thread-safe; {@link #close} frees the buffer.
     */
    static final class HeaderReader implements AutoCloseable {
        private static final long FIRST_READ = 512; // the fixed fields and a name of up to 192 code units
        private final Arena arena = Arena.ofConfined();
        private MemorySegment buffer = arena.allocate(FIRST_READ, 8);

        SharedHeader read(OsFile file, long fileSize, String subject) throws IOException {
            long pageSize = Platform.current().mappings().pageSize();
            if (fileSize < pageSize) {
                throw new FileSystemException(subject, null, "not an mmf4j named object (shorter than a page)");
            }
            long got = file.read(0, buffer.asSlice(0, FIRST_READ));
            if (got < SharedObjectDescriptor.NAME_OFFSET) {
                throw new FileSystemException(subject, null, "named-object file is shorter than its header");
            }
            long headerSize = SharedHeader.declaredHeaderSize(buffer, pageSize, subject); // name length checked
            long needed = SharedObjectDescriptor.NAME_OFFSET + 2L * SharedHeader.nameLength(buffer);
            if (fileSize < headerSize) {
                throw new FileSystemException(subject, null, "named-object file is shorter than its header");
            }
            if (needed > got) { // a long name; beyond what was read the buffer holds another file's bytes
                if (needed > buffer.byteSize()) {
                    buffer = arena.allocate(needed, 8);
                }
                if (file.read(0, buffer.asSlice(0, needed)) < needed) {
                    throw new FileSystemException(subject, null, "named-object file is shorter than its header");
                }
            }
            return validated(SharedHeader.readFrom(buffer, subject), fileSize, subject);
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    /**
     * The header is untrusted input (any process that can write the file can write it): every field the library
     * acts on is checked against what it may be. {@code FileSystemException} naming the object otherwise.
     */
    private static SharedHeader validated(SharedHeader header, long fileSize, String subject) throws FileSystemException {
        if (header.capacity() < 0) {
            throw corrupt(subject, header, "capacity " + header.capacity() + " is negative");
        }
        boolean map = header.kind() == io.mmf4j.NamedObjectKind.MAP
                || header.kind() == io.mmf4j.NamedObjectKind.PERSISTED_MAP;
        if (map && (header.access() < 0 || header.access() >= io.mmf4j.MemoryMappedFileAccess.values().length)) {
            throw corrupt(subject, header, "access code " + header.access() + " is no MemoryMappedFileAccess");
        }
        if (header.kind() == io.mmf4j.NamedObjectKind.MAP && header.capacity() > fileSize - header.headerSize()) {
            throw corrupt(subject, header, "capacity " + header.capacity() + " passes the end of its "
                    + fileSize + "-byte file (header " + header.headerSize() + " bytes)");
        }
        return header;
    }

    private static FileSystemException corrupt(String subject, SharedHeader header, String why) {
        String object = header.kind().name().toLowerCase(java.util.Locale.ROOT) + " '" + header.name() + "'";
        return new FileSystemException(subject, null, "corrupt header of " + object + ": " + why);
    }
}
