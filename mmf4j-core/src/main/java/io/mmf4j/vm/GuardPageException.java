package io.mmf4j.vm;

import java.io.Serial;

/**
 * A guard page was touched — Win32's {@code STATUS_GUARD_PAGE_VIOLATION}. The page has already become an
 * ordinary page with the protection given beside {@link PageOption#GUARD}; the same request made again succeeds
 * (unless it covers a further guard page).
 */
public final class GuardPageException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The offset, within its region, of the guard page that fired. */
    private final long offset;

    /**
     * An exception for the guard page at {@code offset}.
     *
     * @param offset the offset, within its region, of the guard page that fired
     */
    public GuardPageException(long offset) {
        super("guard page at offset " + offset + " touched; it is an ordinary page now");
        this.offset = offset;
    }

    /**
     * The offset, within its region, of the guard page that fired.
     *
     * @return the offset of the page, a multiple of the region's page size
     */
    public long offset() {
        return offset;
    }
}
