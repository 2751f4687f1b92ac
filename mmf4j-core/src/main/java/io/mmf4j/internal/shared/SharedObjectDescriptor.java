package io.mmf4j.internal.shared;

/**
 * The layout of a named object's file: a header of whole pages, then the payload (a map's bytes, a mutex's
 * state...). Every field is little-endian; the header is written once, before the file gets its name, and
 * never changes after, so readers need no synchronisation.
 *
 * <pre>
 *  0                   8                  16                  24                  32
 *  +-------------------+---------+---------+---------+---------+-------------------+
 *  | MAGIC "MMF4JNS\1" | VERSION | KIND    | STATE   | ACCESS  | CAPACITY          |
 *  +-------------------+---------+---------+---------+---------+-------------------+
 * 32                  40                  48        52        56                  64
 *  | HEADER_SIZE       | CREATOR_PID       |CREAT_UID|NAME_LEN | CREATOR_START_MS  |
 *  +-------------------+-------------------+---------+---------+-------------------+
 * 64                  72        76                                                128
 *  | CREATED_MS        | FLAGS   | reserved (zero)                                 |
 *  +-------------------+---------+-------------------------------------------------+
 * 128: NAME — NAME_LEN UTF-16LE code units, the name exactly as given; zero padding to HEADER_SIZE
 * HEADER_SIZE: payload — (file size - HEADER_SIZE) bytes
 * </pre>
 *
 * KIND is {@link io.mmf4j.NamedObjectKind#code()}; ACCESS is the creator's {@code MemoryMappedFileAccess}
 * ordinal (or a kind's own code); CAPACITY is what {@code list()} reports; HEADER_SIZE is a multiple of the
 * page size, so the payload starts page-aligned. FLAGS bit {@link #FLAG_DELAY_ALLOCATE}: the map was made with
 * {@code DELAY_ALLOCATE_PAGES}, so its growth sets the size without committing (zero in files of older
 * versions, which therefore commit at growth).
 */
public final class SharedObjectDescriptor {
    public static final long MAGIC = 0x01534E4A46344D4DL; // "MMF4JNS\1" read as a little-endian long
    public static final int VERSION = 1;
    public static final int STATE_READY = 1;

    public static final long MAGIC_OFFSET = 0;
    public static final long VERSION_OFFSET = 8;
    public static final long KIND_OFFSET = 12;
    public static final long STATE_OFFSET = 16;
    public static final long ACCESS_OFFSET = 20;
    public static final long CAPACITY_OFFSET = 24;
    public static final long HEADER_SIZE_OFFSET = 32;
    public static final long CREATOR_PID_OFFSET = 40;
    public static final long CREATOR_UID_OFFSET = 48;
    public static final long NAME_LENGTH_OFFSET = 52;
    public static final long CREATOR_START_OFFSET = 56;
    public static final long CREATED_OFFSET = 64;
    public static final long FLAGS_OFFSET = 72;
    public static final long NAME_OFFSET = 128;

    /** FLAGS bit: growth extends the payload without committing it (DELAY_ALLOCATE_PAGES). */
    public static final int FLAG_DELAY_ALLOCATE = 1;

    /** The longest name, in UTF-16 code units (Windows' object-name limit). */
    public static final int MAX_NAME_LENGTH = 32767;

    private SharedObjectDescriptor() {}

    /** The header size for a name: the fixed fields and the name, rounded up to whole pages. */
    public static long headerSize(int nameLength, long pageSize) {
        long bytes = NAME_OFFSET + 2L * nameLength;
        return (bytes + pageSize - 1) / pageSize * pageSize;
    }
}
