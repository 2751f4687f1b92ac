package io.mmf4j;

/**
 * The rights an {@link MemoryMappedFile#openExisting(String, MemoryMappedFileRights) openExisting} asks for,
 * as .NET's {@code MemoryMappedFileRights}. Views of the opened map can have no wider access than these.
 */
public enum MemoryMappedFileRights {
    /** Read the map: views of READ access. */
    READ(MemoryMappedFileAccess.READ),
    /** Write the map; views get READ_WRITE (a mapping cannot be write-only). */
    WRITE(MemoryMappedFileAccess.READ_WRITE),
    /** Read and write the map: views of READ_WRITE access. */
    READ_WRITE(MemoryMappedFileAccess.READ_WRITE),
    /** Read the map and write private copies of its pages: views of COPY_ON_WRITE access. */
    COPY_ON_WRITE(MemoryMappedFileAccess.COPY_ON_WRITE),
    /** Read and execute the map: views of READ_EXECUTE access. */
    READ_EXECUTE(MemoryMappedFileAccess.READ_EXECUTE),
    /** Read, write and execute the map: views of READ_WRITE_EXECUTE access. */
    READ_WRITE_EXECUTE(MemoryMappedFileAccess.READ_WRITE_EXECUTE),
    /** Everything, as .NET's FullControl: views of READ_WRITE_EXECUTE access. */
    FULL_CONTROL(MemoryMappedFileAccess.READ_WRITE_EXECUTE);

    private final MemoryMappedFileAccess access;

    MemoryMappedFileRights(MemoryMappedFileAccess access) {
        this.access = access;
    }

    /**
     * The widest view access these rights allow.
     *
     * @return the access of the widest view a map opened with these rights may make
     */
    public MemoryMappedFileAccess access() {
        return access;
    }
}
