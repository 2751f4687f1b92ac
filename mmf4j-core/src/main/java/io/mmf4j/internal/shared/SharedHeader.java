package io.mmf4j.internal.shared;

import static io.mmf4j.internal.shared.SharedObjectDescriptor.*;

import io.mmf4j.NamedObjectKind;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.FileSystemException;

/**
 * The header of a named object's file, as a value (see {@link SharedObjectDescriptor} for the layout).
 *
 * @param access a kind-specific code: for maps, the creator's {@code MemoryMappedFileAccess} ordinal
 */
public record SharedHeader(NamedObjectKind kind, int access, long capacity, long headerSize, long creatorPid,
                           int creatorUid, long creatorStartMillis, long createdMillis, String name) {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfChar CHAR = ValueLayout.JAVA_CHAR_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** Writes this header into {@code segment}, which spans at least {@link #headerSize()} bytes. */
    void writeTo(MemorySegment segment) {
        segment.set(LONG, MAGIC_OFFSET, MAGIC);
        segment.set(INT, VERSION_OFFSET, VERSION);
        segment.set(INT, KIND_OFFSET, kind.code());
        segment.set(INT, STATE_OFFSET, STATE_READY);
        segment.set(INT, ACCESS_OFFSET, access);
        segment.set(LONG, CAPACITY_OFFSET, capacity);
        segment.set(LONG, HEADER_SIZE_OFFSET, headerSize);
        segment.set(LONG, CREATOR_PID_OFFSET, creatorPid);
        segment.set(INT, CREATOR_UID_OFFSET, creatorUid);
        segment.set(INT, NAME_LENGTH_OFFSET, name.length());
        segment.set(LONG, CREATOR_START_OFFSET, creatorStartMillis);
        segment.set(LONG, CREATED_OFFSET, createdMillis);
        for (int i = 0; i < name.length(); i++) {
            segment.set(CHAR, NAME_OFFSET + 2L * i, name.charAt(i));
        }
    }

    /** The header size a segment of at least {@link SharedObjectDescriptor#NAME_OFFSET} bytes declares, checked. */
    static long declaredHeaderSize(MemorySegment firstBytes, long pageSize, String subject) throws FileSystemException {
        if (firstBytes.get(LONG, MAGIC_OFFSET) != MAGIC || firstBytes.get(INT, VERSION_OFFSET) != VERSION) {
            throw new FileSystemException(subject, null, "not an mmf4j named object (bad magic or version)");
        }
        long size = firstBytes.get(LONG, HEADER_SIZE_OFFSET);
        int nameLength = firstBytes.get(INT, NAME_LENGTH_OFFSET);
        if (nameLength <= 0 || nameLength > MAX_NAME_LENGTH || size != SharedObjectDescriptor.headerSize(nameLength, pageSize)) {
            throw new FileSystemException(subject, null, "corrupt named-object header (name length " + nameLength
                    + ", header size " + size + ")");
        }
        return size;
    }

    /** The name length a segment of at least {@link SharedObjectDescriptor#NAME_OFFSET} bytes declares (unchecked). */
    static int nameLength(MemorySegment firstBytes) {
        return firstBytes.get(INT, NAME_LENGTH_OFFSET);
    }

    /** Reads a header from a segment of at least its declared header size (checked before by the caller). */
    static SharedHeader readFrom(MemorySegment segment, String subject) throws FileSystemException {
        NamedObjectKind kind;
        try {
            kind = NamedObjectKind.ofCode(segment.get(INT, KIND_OFFSET));
        } catch (IllegalArgumentException e) {
            throw new FileSystemException(subject, null, e.getMessage());
        }
        int nameLength = segment.get(INT, NAME_LENGTH_OFFSET);
        char[] chars = new char[nameLength];
        for (int i = 0; i < nameLength; i++) {
            chars[i] = segment.get(CHAR, NAME_OFFSET + 2L * i);
        }
        return new SharedHeader(kind, segment.get(INT, ACCESS_OFFSET), segment.get(LONG, CAPACITY_OFFSET),
                segment.get(LONG, HEADER_SIZE_OFFSET), segment.get(LONG, CREATOR_PID_OFFSET),
                segment.get(INT, CREATOR_UID_OFFSET), segment.get(LONG, CREATOR_START_OFFSET),
                segment.get(LONG, CREATED_OFFSET), new String(chars));
    }
}
