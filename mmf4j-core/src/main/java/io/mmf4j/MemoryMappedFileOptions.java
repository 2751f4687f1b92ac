package io.mmf4j;

/** Options for memory-backed maps, as .NET's {@code MemoryMappedFileOptions}. */
public enum MemoryMappedFileOptions {
    /**
     * Do not reserve the whole capacity at creation (Win32 SEC_RESERVE). Creation is then cheap for huge
     * capacities, but running out of memory surfaces when a page is first touched, as an
     * {@code InternalError} from the JVM, instead of as an {@code IOException} at creation.
     */
    DELAY_ALLOCATE_PAGES
}
