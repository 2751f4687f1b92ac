package io.mmf4j.internal.platform;

/**
 * A backend: what portable code needs from an operating system, in Java terms, as six capabilities — files,
 * mappings, waits, processes, virtual memory and the named-object store. One backend serves the process,
 * chosen once, on first use, by {@link #current()} (the system property {@code mmf4j.platform=linux|jdk}
 * overrides the default); portable code never asks which OS it runs on, it asks the capability.
 *
 * {@snippet :
 * MappingPlatform mappings = Platform.current().mappings();
 * long page = mappings.pageSize();
 * }
 *
 * <p>A capability a backend lacks (the portable backend has no named objects, for example) is still returned;
 * its methods throw {@code UnsupportedOperationException} naming the feature and the backend. A backend that
 * cannot run at all here (an unsupported OS asked for by name, native access denied) is returned too, and
 * every capability throws that exception with one message saying why and what to do: nothing fails while the
 * backend is being chosen, and no static initialiser throws.
 *
 * <p>Errors come back as {@code java.nio.file} exceptions where they have that meaning
 * ({@code NoSuchFileException}, {@code FileAlreadyExistsException}, {@code AccessDeniedException})
 * and as {@code IOException}s naming the OS call, its error and the path otherwise.
 *
 * <p>Implementations are immutable and thread-safe; they live as long as the JVM.
 */
public interface Platform {

    /** The backend of this process, chosen on the first call and the same ever after. Never throws. */
    static Platform current() {
        return PlatformSelector.current();
    }

    /** A short name for messages and reports, e.g. "linux-x86_64" or "jdk". */
    String name();

    /** Opening and creating files. */
    FilePlatform files();

    /** Mapping files into memory, flushing and hinting mappings; page size and allocation granularity. */
    MappingPlatform mappings();

    /** Sleeping on, and waking, a word of shared memory (futex). */
    WaitPlatform waits();

    /** Process identity: this process's id, another's start stamp, the user. */
    ProcessPlatform processes();

    /** Map files at addresses the library chooses (fixed-address, in-region and growing views). */
    PlacedMappings placedMappings();

    /** Reserve, commit, protect and walk address space. */
    VirtualMemoryPlatform virtualMemory();

    /** Where named objects live, and the create, open, hold, reclaim and remove protocol of them. */
    NamedObjectStore namedObjects();
}
