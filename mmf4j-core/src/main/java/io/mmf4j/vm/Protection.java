package io.mmf4j.vm;

/**
 * The access allowed to committed pages — Win32's {@code PAGE_*} constants. The {@link PageOption#GUARD GUARD}
 * modifier is given beside a protection, not folded into it.
 *
 * <p>On x86_64 every protection that allows execution also allows reading ({@code PROT_EXEC} implies
 * {@code PROT_READ} in hardware); mmf4j still hands out segments only where reading is part of the protection,
 * so {@link #EXECUTE} pages are never readable through a segment.
 */
public enum Protection {
    /** {@code PAGE_NOACCESS}: committed, but every access is refused. */
    NO_ACCESS(false, false, false),
    /** {@code PAGE_READONLY}. */
    READ_ONLY(true, false, false),
    /** {@code PAGE_READWRITE}. */
    READ_WRITE(true, true, false),
    /** {@code PAGE_EXECUTE}: execute only. */
    EXECUTE(false, false, true),
    /** {@code PAGE_EXECUTE_READ}. */
    EXECUTE_READ(true, false, true),
    /** {@code PAGE_EXECUTE_READWRITE}. */
    EXECUTE_READ_WRITE(true, true, true);

    private final boolean read;
    private final boolean write;
    private final boolean execute;

    Protection(boolean read, boolean write, boolean execute) {
        this.read = read;
        this.write = write;
        this.execute = execute;
    }

    /**
     * Whether the pages may be read (and so be seen through a segment).
     *
     * @return {@code true} for READ_ONLY, READ_WRITE, EXECUTE_READ and EXECUTE_READ_WRITE
     */
    public boolean canRead() {
        return read;
    }

    /**
     * Whether the pages may be written (and so be seen through a writable segment).
     *
     * @return {@code true} for READ_WRITE and EXECUTE_READ_WRITE
     */
    public boolean canWrite() {
        return write;
    }

    /**
     * Whether code on the pages may be executed.
     *
     * @return {@code true} for EXECUTE, EXECUTE_READ and EXECUTE_READ_WRITE
     */
    public boolean canExecute() {
        return execute;
    }
}
