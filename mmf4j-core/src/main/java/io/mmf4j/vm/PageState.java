package io.mmf4j.vm;

/** The state of a page of address space — Win32's {@code MEM_FREE}, {@code MEM_RESERVE}, {@code MEM_COMMIT}. */
public enum PageState {
    /** Not in use by any mapping: may be reserved. */
    FREE,
    /** Address space is set aside but no memory backs it; any access would fault. */
    RESERVED,
    /** Memory backs the page (on first touch); it is accessible as its protection says. */
    COMMITTED
}
