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

    /**
     * The number of bytes this view covers.
     *
     * @return the view's size in bytes
     */
    long capacity();

    /**
     * How far the view's start lies past the page boundary it was mapped from.
     *
     * @return the bytes between the page boundary and the view's first byte, 0 to page size - 1
     */
    long pointerOffset();

    /**
     * The view's start as an offset into the map.
     *
     * @return the map offset the view was made at
     */
    long offset();

    /**
     * The view's access: the one it was made with, never wider than the map's.
     *
     * @return the access
     */
    MemoryMappedFileAccess access();

    /**
     * Whether the view may be read: every access a view can have reads ({@code WRITE}, the write-only one, is
     * refused for views).
     *
     * @return {@code true} when reads are allowed
     */
    boolean canRead();

    /**
     * Whether the view may be written: READ_WRITE, COPY_ON_WRITE (privately) and READ_WRITE_EXECUTE.
     *
     * @return {@code true} when writes are allowed; a write otherwise throws {@code ReadOnlyBufferException}
     */
    boolean canWrite();

    /**
     * The byte order of plain, array and record accesses.
     *
     * @return the order, {@link ByteOrder#LITTLE_ENDIAN} unless {@link #withOrder} changed it
     */
    ByteOrder order();

    /**
     * An accessor over the same view with another byte order; both share one lifetime.
     *
     * @param order the byte order of the new accessor's plain, array and record accesses
     * @return an accessor over the same bytes; closing either closes both
     */
    MemoryMappedViewAccessor withOrder(ByteOrder order);

    /**
     * Reads the byte (1 byte) at {@code position}.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 1}
     * @return the byte read
     */
    byte getByte(long position);

    /**
     * Reads the short (2 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 2}
     * @return the short read
     */
    short getShort(long position);

    /**
     * Reads the char (2 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 2}
     * @return the char read
     */
    char getChar(long position);

    /**
     * Reads the int (4 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 4}
     * @return the int read
     */
    int getInt(long position);

    /**
     * Reads the long (8 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 8}
     * @return the long read
     */
    long getLong(long position);

    /**
     * Reads the float (4 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 4}
     * @return the float read
     */
    float getFloat(long position);

    /**
     * Reads the double (8 bytes) at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 8}
     * @return the double read
     */
    double getDouble(long position);

    /**
     * A byte read as {@code true} when it is not zero.
     *
     * @param position the offset in the view
     * @return whether the byte there is not zero
     */
    boolean getBoolean(long position);

    /**
     * Writes {@code value} as 1 byte at {@code position}.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 1}
     * @param value the byte to write
     */
    void putByte(long position, byte value);

    /**
     * Writes {@code value} as 2 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 2}
     * @param value the short to write
     */
    void putShort(long position, short value);

    /**
     * Writes {@code value} as 2 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 2}
     * @param value the char to write
     */
    void putChar(long position, char value);

    /**
     * Writes {@code value} as 4 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 4}
     * @param value the int to write
     */
    void putInt(long position, int value);

    /**
     * Writes {@code value} as 8 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 8}
     * @param value the long to write
     */
    void putLong(long position, long value);

    /**
     * Writes {@code value} as 4 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 4}
     * @param value the float to write
     */
    void putFloat(long position, float value);

    /**
     * Writes {@code value} as 8 bytes at {@code position} in the accessor's byte order.
     *
     * @param position the offset in the view, from 0 to {@code capacity() - 8}
     * @param value the double to write
     */
    void putDouble(long position, double value);

    /**
     * Writes 1 for {@code true}, 0 for {@code false}.
     *
     * @param position the offset in the view
     * @param value the boolean to write
     */
    void putBoolean(long position, boolean value);

    /**
     * Reads {@code count} elements from {@code position} into {@code array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 1} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, byte[] array, int index, int count);

    /**
     * Reads {@code count} shorts (2 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 2} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, short[] array, int index, int count);

    /**
     * Reads {@code count} chars (2 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 2} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, char[] array, int index, int count);

    /**
     * Reads {@code count} ints (4 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 4} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, int[] array, int index, int count);

    /**
     * Reads {@code count} longs (8 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 8} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, long[] array, int index, int count);

    /**
     * Reads {@code count} floats (4 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 4} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, float[] array, int index, int count);

    /**
     * Reads {@code count} doubles (8 bytes each, in the accessor's byte order) from {@code position} into {@code
     *     array[index..]}; returns {@code count}.
     *
     * @param position the view offset of the first element
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of elements; {@code count * 8} bytes must lie in the view
     * @return {@code count}
     */
    int readArray(long position, double[] array, int index, int count);

    /**
     * Writes {@code count} elements of {@code array[index..]} at {@code position}.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 1} bytes must lie in the view
     */
    void writeArray(long position, byte[] array, int index, int count);

    /**
     * Writes {@code count} shorts of {@code array[index..]} at {@code position}, 2 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 2} bytes must lie in the view
     */
    void writeArray(long position, short[] array, int index, int count);

    /**
     * Writes {@code count} chars of {@code array[index..]} at {@code position}, 2 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 2} bytes must lie in the view
     */
    void writeArray(long position, char[] array, int index, int count);

    /**
     * Writes {@code count} ints of {@code array[index..]} at {@code position}, 4 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 4} bytes must lie in the view
     */
    void writeArray(long position, int[] array, int index, int count);

    /**
     * Writes {@code count} longs of {@code array[index..]} at {@code position}, 8 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 8} bytes must lie in the view
     */
    void writeArray(long position, long[] array, int index, int count);

    /**
     * Writes {@code count} floats of {@code array[index..]} at {@code position}, 4 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 4} bytes must lie in the view
     */
    void writeArray(long position, float[] array, int index, int count);

    /**
     * Writes {@code count} doubles of {@code array[index..]} at {@code position}, 8 bytes each in the accessor's byte
     *     order.
     *
     * @param position the view offset of the first element
     * @param array the array to copy from
     * @param index the first array index read
     * @param count the number of elements; {@code count * 8} bytes must lie in the view
     */
    void writeArray(long position, double[] array, int index, int count);

    /**
     * Reads a record of primitive (and nested record) components, packed with no padding in declaration order:
     * {@code RecordLayout.packed(type).read(this, position)}. The layout is made once per record class; a loop that
     * keeps its {@link RecordLayout} in a {@code static final} field skips even the lookup of it. The record class
     * must be public in an exported package, in a package open to {@code io.mmf4j} (every package on the class path
     * is), or have had its layout made with its module's lookup ({@link RecordLayout#packed(java.lang.invoke.MethodHandles.Lookup, Class)}).
     *
     * @param <R> the record type
     * @param position the view offset of the record's first byte
     * @param type the record class
     * @return a new record holding the bytes read
     */
    <R extends Record> R read(long position, Class<R> type);

    /**
     * Writes a record packed in declaration order: all of it, or nothing if it does not fit.
     *
     * @param <R> the record type
     * @param position the view offset of the record's first byte
     * @param record the record to write; never {@code null}
     */
    <R extends Record> void write(long position, R record);

    /**
     * Reads {@code count} packed records from {@code position} into {@code array[index..]}; returns {@code count}.
     *
     * @param <R> the record type
     * @param position the view offset of the first record
     * @param array the array to fill; its component type is the record class read
     * @param index the first array index written
     * @param count the number of records
     * @return {@code count}
     */
    <R extends Record> int readArray(long position, R[] array, int index, int count);

    /**
     * Writes {@code count} packed records of {@code array[index..]} at {@code position}: all of them or nothing.
     *
     * @param <R> the record type
     * @param position the view offset of the first record
     * @param array the records to write; none of {@code array[index..index + count)} may be {@code null}
     * @param index the first array index read
     * @param count the number of records
     */
    <R extends Record> void writeArray(long position, R[] array, int index, int count);

    /**
     * The packed size in bytes of a record: {@code RecordLayout.packed(type).byteSize()}.
     *
     * @param type the record class
     * @return the number of bytes {@link #read(long, Class)} reads and {@link #write(long, Record)} writes
     */
    static long sizeOf(Class<? extends Record> type) {
        return RecordLayout.packed(type).byteSize();
    }

    /**
     * Reads the int at {@code position} with volatile semantics: it sees every write made before a volatile or release
     *     write of it, in any process.
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @return the int read
     */
    int getIntVolatile(long position);

    /**
     * Writes the int at {@code position} with volatile semantics.
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @param value the int to write
     */
    void putIntVolatile(long position, int value);

    /**
     * Reads the int at {@code position} with acquire semantics: later reads and writes are not moved before it.
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @return the int read
     */
    int getIntAcquire(long position);

    /**
     * Writes the int at {@code position} with release semantics: earlier reads and writes are not moved after it.
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @param value the int to write
     */
    void putIntRelease(long position, int value);

    /**
     * Atomically sets the int at {@code position} to {@code value} if it is {@code expected} (volatile semantics).
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @param expected the value the int must have
     * @param value the value to write
     * @return {@code true} when the int was {@code expected} and is now {@code value}
     */
    boolean compareAndSetInt(long position, int expected, int value);

    /**
     * Atomically adds {@code delta} to the int at {@code position} (volatile semantics; it wraps on overflow).
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @param delta the amount to add
     * @return the int before the addition
     */
    int getAndAddInt(long position, int delta);

    /**
     * Atomically replaces the int at {@code position} with {@code value} (volatile semantics).
     *
     * @param position the offset in the view, a multiple of 4 (the native order is used)
     * @param value the value to write
     * @return the int before it was replaced
     */
    int getAndSetInt(long position, int value);

    /**
     * Reads the long at {@code position} with volatile semantics: it sees every write made before a volatile or release
     *     write of it, in any process.
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @return the long read
     */
    long getLongVolatile(long position);

    /**
     * Writes the long at {@code position} with volatile semantics.
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @param value the long to write
     */
    void putLongVolatile(long position, long value);

    /**
     * Reads the long at {@code position} with acquire semantics: later reads and writes are not moved before it.
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @return the long read
     */
    long getLongAcquire(long position);

    /**
     * Writes the long at {@code position} with release semantics: earlier reads and writes are not moved after it.
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @param value the long to write
     */
    void putLongRelease(long position, long value);

    /**
     * Atomically sets the long at {@code position} to {@code value} if it is {@code expected} (volatile semantics).
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @param expected the value the long must have
     * @param value the value to write
     * @return {@code true} when the long was {@code expected} and is now {@code value}
     */
    boolean compareAndSetLong(long position, long expected, long value);

    /**
     * Atomically adds {@code delta} to the long at {@code position} (volatile semantics; it wraps on overflow).
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @param delta the amount to add
     * @return the long before the addition
     */
    long getAndAddLong(long position, long delta);

    /**
     * Atomically replaces the long at {@code position} with {@code value} (volatile semantics).
     *
     * @param position the offset in the view, a multiple of 8 (the native order is used)
     * @param value the value to write
     * @return the long before it was replaced
     */
    long getAndSetLong(long position, long value);

    /**
     * Writes the view's dirty pages to the file and makes them durable (msync, then fdatasync).
     *
     * @throws IOException the OS cannot write the pages back (e.g. a disk error)
     */
    void flush() throws IOException;

    /**
     * As {@link #flush()} for {@code [offset, offset + length)} of the view.
     *
     * @param offset the first byte to flush, as an offset in the view
     * @param length the number of bytes; the pages that hold them are written
     * @throws IOException the OS cannot write the pages back
     */
    void flush(long offset, long length) throws IOException;

    /**
     * Which pages of the view are in memory now (mincore on Linux, like vmtouch): one entry per page, from the
     * page that holds the view's first byte (so entry 0 covers {@link #pointerOffset()} bytes before the view).
     * For a view of a file, a resident page is one the file's data is cached in, whoever read it.
     *
     * @return one entry per page, {@code true} when it is in memory
     * @throws IOException the OS cannot tell (e.g. mincore fails)
     */
    boolean[] residency() throws IOException;

    /**
     * As {@link #residency()} for {@code [offset, offset + length)} of the view: one entry per page, from the page
     * that holds byte {@code offset}. For views of more pages than one array holds, where {@link #residency()}
     * throws {@code IllegalStateException}.
     *
     * @param offset the first byte asked about, as an offset in the view
     * @param length the number of bytes, &gt; 0
     * @throws IndexOutOfBoundsException the range passes the view
     * @throws IllegalArgumentException  a negative offset, a length &lt;= 0, or more than {@code 2^31 - 9} pages
     * @return one entry per page, {@code true} when it is in memory
     * @throws IOException the OS cannot tell
     */
    boolean[] residency(long offset, long length) throws IOException;

    /**
     * Asks the OS to read the view's pages in ahead of use (MADV_WILLNEED; PrefetchVirtualMemory on Windows).
     *
     * @throws IOException the OS refuses the hint
     */
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
     *
     * @throws IOException the write-back or the hints fail
     */
    void evict() throws IOException;

    /**
     * The view's memory, for power users: read-only for a view that cannot write. After the view is closed,
     * access through it throws {@code IllegalStateException}.
     *
     * @return the segment over the view's bytes
     */
    MemorySegment segment();

    /** Flushes a view that writes to the file, then unmaps. Idempotent. */
    @Override
    void close() throws IOException;
}
