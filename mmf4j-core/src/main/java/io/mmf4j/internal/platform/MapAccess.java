package io.mmf4j.internal.platform;

/** The protection and sharing of a mapping. */
public enum MapAccess {
    READ(true, false, false, true),
    READ_WRITE(true, true, false, true),
    /** Writable, but writes stay private to the mapping (copy-on-write). */
    COPY_ON_WRITE(true, true, false, false),
    READ_EXECUTE(true, false, true, true),
    READ_WRITE_EXECUTE(true, true, true, true);

    private final boolean read;
    private final boolean write;
    private final boolean execute;
    private final boolean shared;

    MapAccess(boolean read, boolean write, boolean execute, boolean shared) {
        this.read = read;
        this.write = write;
        this.execute = execute;
        this.shared = shared;
    }

    public boolean read() {
        return read;
    }

    public boolean write() {
        return write;
    }

    public boolean execute() {
        return execute;
    }

    /** Whether writes reach the file and other mappings of it. */
    public boolean shared() {
        return shared;
    }

    /** Whether the mapping needs the file opened for writing. */
    public boolean needsWritableFile() {
        return write && shared;
    }
}
