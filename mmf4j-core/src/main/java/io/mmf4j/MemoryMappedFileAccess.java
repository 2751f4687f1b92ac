package io.mmf4j;

/**
 * The access of a map or of a view, as .NET's {@code MemoryMappedFileAccess} and Win32's PAGE_* / FILE_MAP_*.
 * A view's access must be a subset of its map's; {@link #COPY_ON_WRITE} counts as read.
 * {@link #WRITE} is write-only, which no mapping can enforce: it is refused for maps and views,
 * as .NET refuses it for maps made from files.
 */
public enum MemoryMappedFileAccess {
    /** Readable and writable: writes reach the file (or shared memory) and every other view of it. */
    READ_WRITE(true, true, false),
    /** Read-only: a write through the view throws {@code ReadOnlyBufferException}. */
    READ(true, false, false),
    /** Write-only; refused for maps and views (no mapping can enforce it), kept for .NET's vocabulary. */
    WRITE(false, true, false),
    /** Readable and writable, but writes stay private to the view: the file and other views never see them. */
    COPY_ON_WRITE(true, true, false),
    /** Readable and executable, not writable. */
    READ_EXECUTE(true, false, true),
    /** Readable, writable and executable. */
    READ_WRITE_EXECUTE(true, true, true);

    private final boolean read;
    private final boolean write;
    private final boolean execute;

    MemoryMappedFileAccess(boolean read, boolean write, boolean execute) {
        this.read = read;
        this.write = write;
        this.execute = execute;
    }

    /**
     * Whether a view of this access can read.
     *
     * @return {@code true} for every access but {@link #WRITE}
     */
    public boolean canRead() {
        return read;
    }

    /**
     * Whether a view of this access can write (privately, for {@link #COPY_ON_WRITE}).
     *
     * @return {@code true} for READ_WRITE, WRITE, COPY_ON_WRITE and READ_WRITE_EXECUTE
     */
    public boolean canWrite() {
        return write;
    }

    /**
     * Whether a view of this access can execute.
     *
     * @return {@code true} for READ_EXECUTE and READ_WRITE_EXECUTE
     */
    public boolean canExecute() {
        return execute;
    }
}
