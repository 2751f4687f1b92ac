package io.mmf4j.internal.platform;

import java.io.IOException;

/**
 * An open regular file (a file descriptor on POSIX, a HANDLE on Windows, a {@code FileChannel} in the portable
 * backend), made by the backend's {@link FilePlatform} or {@link NamedObjectStore} and usable only with that
 * backend. Thread-safe for reads and writes; not for close: the owner closes it once, after every user is done.
 */
public interface OsFile extends AutoCloseable {

    /** The path, for messages. */
    String path();

    /** Whether opening created the file (so a failed call must remove it). */
    boolean created();

    /** Whether the file was opened for writing. */
    boolean writable();

    long size() throws IOException;

    /** Sets the length: grows with zeros (sparse) or shrinks. */
    void setLength(long length) throws IOException;

    /**
     * Reserves storage for {@code [offset, offset + length)} so that writing it later cannot fail for
     * lack of space, extending the file if the range passes its end. Returns false where the file
     * system cannot reserve (the range is then only extended).
     */
    boolean allocate(long offset, long length) throws IOException;

    /**
     * Lets the OS drop the clean cached pages of {@code [offset, offset + length)} from memory (a hint; length 0
     * means to the end). The file's contents are unchanged.
     */
    void dropCache(long offset, long length) throws IOException;

    /**
     * Reads into {@code buffer} (native memory) from {@code offset} until it is full or the file ends; returns
     * the bytes read. Unlike a mapping, reading past the end of a file cannot fault.
     */
    long read(long offset, java.lang.foreign.MemorySegment buffer) throws IOException;

    /** Writes all of {@code buffer} (native memory) at {@code offset}. */
    void write(long offset, java.lang.foreign.MemorySegment buffer) throws IOException;

    /** Makes written data durable, with the metadata needed to read it back such as the size (fdatasync). */
    void sync() throws IOException;

    /**
     * Grows the file to at least {@code size} bytes, never shrinking it, so that any number of growers in any
     * processes may call it at once; with {@code reserve}, storage for {@code [from, size)} is reserved first
     * without changing the size, so a failure (no room) leaves the size as it was. Without {@code reserve} only the
     * last block is allocated (the rest is a hole). Returns {@code false}, changing nothing, where the file system
     * cannot do this (no fallocate): the caller then grows the file under {@link #lockGrowth()}.
     */
    boolean growTo(long from, long size, boolean reserve) throws IOException;

    /**
     * Takes the lock that serialises growth of this file among every handle of it, in any process (an
     * open-file-description record lock on a byte far past any data, so it never meets a holder mark or a
     * user's lock of the data); blocks while another handle has it. Closing the result, or the death of the
     * process, lets it go.
     */
    java.io.Closeable lockGrowth() throws IOException;

    /** The file this handle refers to now. */
    FileIdentity identity() throws IOException;

    @Override
    void close() throws IOException;

    /**
     * Marks this open file as mapped by mmf4j, for as long as it stays open, in a way every process can see
     * ({@link #mappedElsewhere()}); a backend that cannot mark does nothing.
     */
    default void markMapped() throws IOException {
    }

    /** Whether another open of the same file, in this process or another, carries the {@link #markMapped} mark. */
    default boolean mappedElsewhere() throws IOException {
        return false;
    }
}
