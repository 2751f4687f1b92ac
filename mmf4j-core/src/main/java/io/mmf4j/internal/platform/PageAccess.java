package io.mmf4j.internal.platform;

/** The access the operating system grants to pages, as the platform layer takes it. */
public record PageAccess(boolean read, boolean write, boolean execute) {
    /** No access at all: reserved pages, guard pages and {@code NO_ACCESS} pages. */
    public static final PageAccess NONE = new PageAccess(false, false, false);
}
