package io.mmf4j;

import io.mmf4j.internal.ViewAccessorImpl;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * Random access to a view of a {@link MemoryMappedFile}: typed reads and writes at positions relative to
 * the view's start, bulk array copies, atomics, and records as packed structs ({@link RecordLayout}) — .NET's {@code MemoryMappedViewAccessor}.
 *
 * {@snippet :
 * record Color(short r, short g, short b, short a) {}
 * try (MemoryMappedViewAccessor view = map.createViewAccessor(256 << 20, 512 << 20)) {
 *     Color c = view.read(0, Color.class);          // 8 bytes, packed, little-endian
 *     view.write(0, new Color((short) 1, c.g(), c.b(), c.a()));
 *     long seen = view.getAndAddLong(64, 1);        // atomic, visible to every process mapping the file
 * }
 * }
 *
 * <p><b>Byte order.</b> Plain reads, writes, arrays and records are little-endian unless
 * {@link #withOrder(ByteOrder)} says otherwise. Atomic and volatile accesses use the native order and need
 * positions aligned to their size ({@code IllegalArgumentException} otherwise).
 *
 * <p><b>Errors.</b> A position outside {@code [0, capacity())} throws {@code IndexOutOfBoundsException};
 * a write through a view that cannot write throws {@code ReadOnlyBufferException}; any use after
 * {@link #close()} throws {@code IllegalStateException}.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads, with the memory semantics of the access used
 * (plain, volatile, acquire/release, atomic). Closing while another thread accesses the view never faults:
 * that access completes or throws {@code IllegalStateException}.
 */
public sealed interface MemoryMappedViewAccessor extends AutoCloseable permits ViewAccessorImpl {

    /** The number of bytes this view covers. */
    long capacity();

    /** How far the view's start lies past the page boundary it was mapped from. */
    long pointerOffset();

    /** The view's start as an offset into the map. */
    long offset();

    MemoryMappedFileAccess access();

    boolean canRead();

    boolean canWrite();

    /** The byte order of plain, array and record accesses. */
    ByteOrder order();

    /** An accessor over the same view with another byte order; both share one lifetime. */
    MemoryMappedViewAccessor withOrder(ByteOrder order);

    byte getByte(long position);

    short getShort(long position);

    char getChar(long position);

    int getInt(long position);

    long getLong(long position);

    float getFloat(long position);

    double getDouble(long position);

    /** A byte read as {@code true} when it is not zero. */
    boolean getBoolean(long position);

    void putByte(long position, byte value);

    void putShort(long position, short value);

    void putChar(long position, char value);

    void putInt(long position, int value);

    void putLong(long position, long value);

    void putFloat(long position, float value);

    void putDouble(long position, double value);

    /** Writes 1 for {@code true}, 0 for {@code false}. */
    void putBoolean(long position, boolean value);

    /** Reads {@code count} elements from {@code position} into {@code array[index..]}; returns {@code count}. */
    int readArray(long position, byte[] array, int index, int count);

    int readArray(long position, short[] array, int index, int count);

    int readArray(long position, char[] array, int index, int count);

    int readArray(long position, int[] array, int index, int count);

    int readArray(long position, long[] array, int index, int count);

    int readArray(long position, float[] array, int index, int count);

    int readArray(long position, double[] array, int index, int count);

    /** Writes {@code count} elements of {@code array[index..]} at {@code position}. */
    void writeArray(long position, byte[] array, int index, int count);

    void writeArray(long position, short[] array, int index, int count);

    void writeArray(long position, char[] array, int index, int count);

    void writeArray(long position, int[] array, int index, int count);

    void writeArray(long position, long[] array, int index, int count);

    void writeArray(long position, float[] array, int index, int count);

    void writeArray(long position, double[] array, int index, int count);

    /**
     * Reads a record of primitive (and nested record) components, packed with no padding in declaration order:
     * {@code RecordLayout.packed(type).read(this, position)}. The layout is made once per record class; a loop that
     * keeps its {@link RecordLayout} in a {@code static final} field skips even the lookup of it. The record class
     * must be public in an exported package, in a package open to {@code io.mmf4j} (every package on the class path
     * is), or have had its layout made with its module's lookup ({@link RecordLayout#packed(java.lang.invoke.MethodHandles.Lookup, Class)}).
     */
    <R extends Record> R read(long position, Class<R> type);

    /** Writes a record packed in declaration order: all of it, or nothing if it does not fit. */
    <R extends Record> void write(long position, R record);

    /** Reads {@code count} packed records from {@code position} into {@code array[index..]}; returns {@code count}. */
    <R extends Record> int readArray(long position, R[] array, int index, int count);

    /** Writes {@code count} packed records of {@code array[index..]} at {@code position}: all of them or nothing. */
    <R extends Record> void writeArray(long position, R[] array, int index, int count);

    /** The packed size in bytes of a record: {@code RecordLayout.packed(type).byteSize()}. */
    static long sizeOf(Class<? extends Record> type) {
        return RecordLayout.packed(type).byteSize();
    }

    int getIntVolatile(long position);

    void putIntVolatile(long position, int value);

    int getIntAcquire(long position);

    void putIntRelease(long position, int value);

    boolean compareAndSetInt(long position, int expected, int value);

    int getAndAddInt(long position, int delta);

    int getAndSetInt(long position, int value);

    long getLongVolatile(long position);

    void putLongVolatile(long position, long value);

    long getLongAcquire(long position);

    void putLongRelease(long position, long value);

    boolean compareAndSetLong(long position, long expected, long value);

    long getAndAddLong(long position, long delta);

    long getAndSetLong(long position, long value);

    /** Writes the view's dirty pages to the file and makes them durable (msync, then fdatasync). */
    void flush() throws IOException;

    /** As {@link #flush()} for {@code [offset, offset + length)} of the view. */
    void flush(long offset, long length) throws IOException;

    /**
     * Which pages of the view are in memory now (mincore on Linux, like vmtouch): one entry per page, from the
     * page that holds the view's first byte (so entry 0 covers {@link #pointerOffset()} bytes before the view).
     * For a view of a file, a resident page is one the file's data is cached in, whoever read it.
     */
    boolean[] residency() throws IOException;

    /**
     * As {@link #residency()} for {@code [offset, offset + length)} of the view: one entry per page, from the page
     * that holds byte {@code offset}. For views of more pages than one array holds, where {@link #residency()}
     * throws {@code IllegalStateException}.
     *
     * @throws IndexOutOfBoundsException the range passes the view
     * @throws IllegalArgumentException  a negative offset, a length &lt;= 0, or more than {@code 2^31 - 9} pages
     */
    boolean[] residency(long offset, long length) throws IOException;

    /** Asks the OS to read the view's pages in ahead of use (MADV_WILLNEED; PrefetchVirtualMemory on Windows). */
    void prefetch() throws IOException;

    /**
     * Locks the view's pages in memory (VirtualLock; mlock on Linux, as {@code vmtouch -l} does): reads them in and
     * keeps them resident until {@link #unlock()} or the view's close. Over the process's locked-memory limit
     * ({@code ulimit -l}, RLIMIT_MEMLOCK) nothing is locked and an {@code IOException} names {@code mlock} and its
     * errno.
     *
     * @throws IOException when the OS refuses the lock
     */
    void lock() throws IOException;

    /**
     * Lets the view's pages be paged out again (VirtualUnlock; munlock).
     *
     * @throws IOException when the OS refuses
     */
    void unlock() throws IOException;

    /**
     * Asks the OS to take the view's pages out of memory: writes back what a view that writes to its file has
     * written (as {@link #flush()}), then pages the view out (MADV_PAGEOUT) and, for a file, writes back the
     * file's dirty pages, whoever wrote them (fsync), and lets the page cache drop the range (POSIX_FADV_DONTNEED). Nothing is lost: the next access reads the pages back, and
     * a {@code COPY_ON_WRITE} view keeps its private changes. A hint — locked pages, pages other processes
     * use and memory-backed (tmpfs) maps may stay in memory.
     */
    void evict() throws IOException;

    /**
     * The view's memory, for power users: read-only for a view that cannot write. After the view is closed,
     * access through it throws {@code IllegalStateException}.
     */
    MemorySegment segment();

    /** Flushes a view that writes to the file, then unmaps. Idempotent. */
    @Override
    void close() throws IOException;
}
