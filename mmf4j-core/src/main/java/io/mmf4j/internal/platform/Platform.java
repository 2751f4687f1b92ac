package io.mmf4j.internal.platform;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * What portable code needs from an operating system, in Java terms. One implementation per OS,
 * chosen once at start ({@link #current()}); portable code never asks which OS it runs on.
 *
 * <p>Errors come back as {@code java.nio.file} exceptions where they have that meaning
 * ({@code NoSuchFileException}, {@code FileAlreadyExistsException}, {@code AccessDeniedException})
 * and as {@code IOException}s naming the OS call, its error and the path otherwise.
 */
public interface Platform {

    /** The platform of this process. */
    static Platform current() {
        return PlatformSelector.CURRENT;
    }

    /** A short name for messages and reports, e.g. "linux-x86_64". */
    String name();

    /** The size of a page, the unit of protection and commitment. */
    long pageSize();

    /** The unit in which address space is reserved and view offsets are aligned (64 KiB on Windows). */
    long allocationGranularity();

    /** Opens or creates a regular file. {@link OsFile#created()} tells whether this call created it. */
    OsFile openFile(Path path, FileAccess access, FileCreation creation) throws IOException;

    /**
     * Maps {@code [offset, offset + length)} of {@code file}; {@code offset} must be a multiple of
     * {@link #pageSize()}. The segment is bound to {@code arena}: closing the arena unmaps it.
     */
    MemorySegment map(OsFile file, long offset, long length, MapAccess access, Arena arena) throws IOException;

    /** Writes the dirty pages of a mapping made by {@link #map} back to its file and waits for the writes. */
    void flush(MemorySegment mapping) throws IOException;

    /** The pages of {@code mapping} that are resident in memory, one boolean per page. */
    boolean[] residency(MemorySegment mapping) throws IOException;

    /** Hints that {@code mapping} will be needed soon (read-ahead). */
    void willNeed(MemorySegment mapping) throws IOException;

    /**
     * Asks the OS to take the pages of {@code mapping} out of memory now (a hint: locked pages and pages that
     * other processes use may stay). The contents are kept: file pages are read back, private pages swapped.
     */
    void pageOut(MemorySegment mapping) throws IOException;

    /** The id of this process. */
    long processId();
}
