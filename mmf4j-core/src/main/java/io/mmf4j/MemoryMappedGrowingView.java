package io.mmf4j;

import io.mmf4j.internal.GrowingViewImpl;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A view that grows in place as its map grows: address space for {@link #maximumSize()} bytes is reserved when the
 * view is made ({@link MemoryMappedFile#createGrowingView}) and the map's file is mapped over all of it, and
 * {@link #refresh()} takes in the bytes the map has grown by since — grown by this process or another — so
 * {@link #address()} and the base of every {@link #segment()} never move, and growth needs no new mapping. What an append-only log
 * needs: a writer calls {@link #ensureSize} before it appends, a reader calls {@link #refresh} to follow.
 *
 * {@snippet :
 * try (MemoryMappedFile map = MemoryMappedFile.createFromFile(path, FileMode.CREATE_NEW, null, 4096);
 *      MemoryMappedGrowingView log = map.createGrowingView(0, 1L << 40, MemoryMappedFileAccess.READ_WRITE)) {
 *     long end = 0;
 *     for (byte[] record : records) {
 *         log.ensureSize(end + record.length);      // grows the map (in 1 MiB steps, say) when it is full
 *         MemorySegment.copy(record, 0, log.segment(), ValueLayout.JAVA_BYTE, end, record.length);
 *         end += record.length;
 *     }
 * }
 * }
 *
 * <p><b>Segments.</b> {@link #segment()} covers exactly the bytes mapped now. After growth it is a new, larger
 * segment over the same base; segments handed out before keep their size and stay valid until the view closes.
 * No segment ever covers address space that is only reserved.
 *
 * <p><b>Lifecycle.</b> Like other views it holds its map's source (the file or shared memory) until closed, and
 * outlives the map object — but it sees growth through the map object, so after the map is closed it can map only
 * what the map had grown to. {@link #close()} flushes a view that writes to its file, unmaps the view and gives back
 * the reservation; every segment is invalid afterwards ({@code IllegalStateException} on use, never a fault).
 * Close is idempotent.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads: growth is serialised, segments are shared.
 */
public sealed interface MemoryMappedGrowingView extends AutoCloseable permits GrowingViewImpl {

    /**
     * The address of the view's first byte (its offset in the map); it never changes.
     *
     * @return the address of the first byte
     */
    long address();

    /**
     * Where the view starts in the map.
     *
     * @return the map offset the view was made at
     */
    long offset();

    /**
     * The bytes mapped now, from {@link #offset()}: at most {@link #maximumSize()}.
     *
     * @return the bytes mapped now
     */
    long size();

    /**
     * The most bytes the view can cover: the address space reserved for it.
     *
     * @return the bytes of address space reserved for the view
     */
    long maximumSize();

    /**
     * The view's access.
     *
     * @return the access the view was made with
     */
    MemoryMappedFileAccess access();

    /**
     * A segment over the {@link #size()} bytes mapped now; read-only unless the access writes.
     *
     * @return a segment over the bytes mapped now; a later refresh gives a longer one at the same address
     */
    MemorySegment segment();

    /**
     * Takes in the bytes the map has grown by (its {@link MemoryMappedFile#capacity()} now, growth by other processes
     * included), up to {@link #maximumSize()}; returns the new {@link #size()}. Cheap when nothing has changed.
     *
     * @return the new size
     * @throws IOException the new bytes cannot be mapped
     */
    long refresh() throws IOException;

    /**
     * Makes {@link #size()} at least {@code size}: grows the map ({@link MemoryMappedFile#grow}) to cover it if it
     * does not yet, then maps the new bytes. Returns the new size.
     *
     * @param size the number of bytes the view must at least cover
     * @throws IllegalArgumentException      {@code size} is negative or larger than {@link #maximumSize()}
     * @throws UnsupportedOperationException the view does not write to the map (READ, READ_EXECUTE, COPY_ON_WRITE)
     *                                       or the map cannot grow (see {@link MemoryMappedFile#grow})
     * @throws IllegalStateException         the view, or the map object (needed to grow), is closed
     * @throws IOException                   no room: the map and the view keep their size
     * @return the new size, at least {@code size}
     */
    long ensureSize(long size) throws IOException;

    /**
     * Writes the view's dirty pages to the file and makes them durable (as {@link MemoryMappedViewAccessor#flush()}).
     *
     * @throws IOException the OS cannot write the pages back
     */
    void flush() throws IOException;

    /** Unmaps the view and gives back its address space; idempotent. */
    @Override
    void close() throws IOException;
}
