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

    /**
     * Sleeps while the 4-byte-aligned int at {@code word} (in shared memory) equals {@code expected}, at most
     * {@code timeoutNanos} (negative: no limit). Returns early, without sleeping, if the value differs.
     * Spurious returns happen: the caller re-checks its condition.
     *
     * @return {@code false} when the timeout passed, {@code true} otherwise
     */
    boolean awaitChange(MemorySegment word, int expected, long timeoutNanos) throws IOException;

    /** Wakes at most {@code count} threads, of any process, sleeping in {@link #awaitChange} on {@code word}. */
    void wake(MemorySegment word, int count) throws IOException;

    /**
     * A stamp of when process {@code pid} started (e.g. clock ticks since boot), which tells a live process from
     * a later one that reuses its id; {@code -1} when no such process runs (a zombie counts as gone).
     */
    long processStartStamp(long pid);

    /** The id of the user this process acts as (the effective uid on POSIX). */
    int userId();

    /**
     * Opens an existing regular file for named-object use: never follows a symbolic link at the last step,
     * never blocks on a FIFO.
     */
    OsFile openNoFollow(Path path, FileAccess access) throws IOException;

    /**
     * Creates a file that has no name yet, in {@code directory}, readable and writable, with the given POSIX
     * permission bits. It gets a name with {@link #link}; closed without one, it vanishes.
     */
    OsFile createUnnamed(Path directory, int permissions) throws IOException;

    /** Gives {@code file} the name {@code target}; {@code FileAlreadyExistsException} if the name is taken. */
    void link(OsFile file, Path target) throws IOException;

    /**
     * Removes the name {@code path} (never following a symbolic link); the file lives on, nameless, while any
     * handle or mapping holds it. {@code NoSuchFileException} if the name is free, {@code AccessDeniedException}
     * if this user may not remove it (e.g. another user's file in a sticky directory).
     */
    void unlink(Path path) throws IOException;

    /**
     * Takes the exclusive lock that serialises every removal of a name in {@code directory}, blocking while
     * another handle, in any process, has it; closing the result (or the death of the process) lets it go.
     * A remover that checked under this lock which file a name names may then unlink that name knowing it
     * still names that file. {@code NoSuchFileException} if the directory is gone.
     */
    java.io.Closeable lockNameRemoval(Path directory) throws IOException;

    /** The file {@code path} names now, without following a symbolic link; empty when it names nothing. */
    java.util.Optional<FileIdentity> identity(Path path) throws IOException;

    /** How many handles, in all processes, hold {@code file} by {@link OsFile#lockShared()} right now. */
    int holderCount(OsFile file) throws IOException;

    /** A file backed by memory that has no name anywhere (memfd); {@code description} is for tools. */
    OsFile createAnonymous(String description) throws IOException;

    /** The number by which another process started by this one can reach {@code file} (the fd on POSIX). */
    long handleNumber(OsFile file);

    /**
     * Opens, in a process started by {@code processId}'s user, the file that {@code processId} holds as
     * {@code handleNumber}; the caller checks the identity.
     */
    OsFile openInherited(long processId, long handleNumber, FileAccess access) throws IOException;

    /** Map files at addresses the library chooses (fixed-address, in-region and growing views). */
    PlacedMappings placedMappings();

    /** Reserve, commit, protect and walk address space. */
    VirtualMemoryPlatform virtualMemory();
}
