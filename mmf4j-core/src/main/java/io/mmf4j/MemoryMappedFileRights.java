package io.mmf4j;

/**
 * The rights an {@link MemoryMappedFile#openExisting(String, MemoryMappedFileRights) openExisting} asks for,
 * as .NET's {@code MemoryMappedFileRights}. Views of the opened map can have no wider access than these.
 */
public enum MemoryMappedFileRights {
    READ(MemoryMappedFileAccess.READ),
    WRITE(MemoryMappedFileAccess.READ_WRITE),
    READ_WRITE(MemoryMappedFileAccess.READ_WRITE),
    COPY_ON_WRITE(MemoryMappedFileAccess.COPY_ON_WRITE),
    READ_EXECUTE(MemoryMappedFileAccess.READ_EXECUTE),
    READ_WRITE_EXECUTE(MemoryMappedFileAccess.READ_WRITE_EXECUTE),
    FULL_CONTROL(MemoryMappedFileAccess.READ_WRITE_EXECUTE);

    private final MemoryMappedFileAccess access;

    MemoryMappedFileRights(MemoryMappedFileAccess access) {
        this.access = access;
    }

    /** The widest view access these rights allow. */
    public MemoryMappedFileAccess access() {
        return access;
    }
}
