package io.mmf4j;

import io.mmf4j.internal.records.RecordLayoutImpl;
import io.mmf4j.internal.records.RecordLayouts;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * How a record class lies in memory, and the codec that reads and writes it there as fast as hand-written
 * {@code getShort}/{@code putShort} code: a struct of the record's components in declaration order, each a
 * primitive or a nested record. Keep one in a {@code static final} field, as the JDK keeps a {@code VarHandle}:
 *
 * {@snippet :
 * record Color(short r, short g, short b, short a) {}
 * static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class);   // 8 bytes
 *
 * for (long i = 0; i < view.capacity(); i += COLOR.byteSize()) {
 *     Color c = COLOR.read(view, i);                  // four loads, no allocation once inlined
 *     COLOR.write(view, i, new Color(c.r(), c.g(), c.b(), (short) 255));
 * }
 * }
 *
 * <p><b>Two kinds.</b> {@link #packed(Class) packed}: no padding (the .NET text's {@code Pack = 1} structs, and
 * what {@code view.read(position, Color.class)} uses). {@link #aligned(Class) aligned}: C's natural alignment, so a
 * struct written by a C program (or described by an FFM {@link StructLayout}) reads correctly — each value at a
 * multiple of its size, a nested record at a multiple of its largest member, the size rounded up to the record's
 * alignment. Either way positions need no alignment. A {@code boolean} is one byte (non-zero reads as
 * {@code true}); a {@code char} two bytes (C's {@code char16_t}).
 *
 * <p><b>Byte order.</b> Through an accessor, the accessor's {@link MemoryMappedViewAccessor#order() order}
 * (little-endian unless {@code withOrder}); through a stream or a plain segment, little-endian. {@link #layout()}
 * describes the little-endian form.
 *
 * <p><b>Access to the record.</b> The codec calls the record's canonical constructor and accessors. On the class
 * path, and for a public record in an exported package, that needs nothing. A record in a package of a named module
 * that is not open to {@code io.mmf4j} needs the module's own lookup, once:
 * {@code RecordLayout.packed(MethodHandles.lookup(), Color.class)}; after that the by-class calls
 * ({@code view.read(position, Color.class)}) find the layout too.
 *
 * <p><b>Errors.</b> A record class with a component that is neither primitive nor a record, with no components,
 * or that contains itself: {@code IllegalArgumentException}. A position where the record (or array) does not fit:
 * {@code IndexOutOfBoundsException}, before any byte is read or written. A write through a read-only view:
 * {@code ReadOnlyBufferException}, nothing written.
 *
 * <p><b>Thread safety and lifecycle.</b> Immutable; safe for use by any number of threads. One layout per record
 * class and kind: the same object is returned on every call, and it lives as long as the record class.
 *
 * @param <R> the record class
 */
public sealed interface RecordLayout<R extends Record> permits RecordLayoutImpl {

    /**
     * The packed layout of {@code type}: components in declaration order with no padding.
     *
     * @param <R> the record class
     * @param type the record class: primitive and record components only
     * @return the layout, made on first use and the same object after
     */
    static <R extends Record> RecordLayout<R> packed(Class<R> type) {
        return RecordLayouts.packed(type);
    }

    /**
     * As {@link #packed(Class)}, with a lookup that may use the record's constructor and accessors.
     *
     * @param <R> the record class
     * @param lookup a lookup with access to the record's constructor and accessors (e.g. {@code MethodHandles.lookup()}
     *     in the record's module)
     * @param type the record class: primitive and record components only
     * @return the layout, made on first use and the same object after
     */
    static <R extends Record> RecordLayout<R> packed(MethodHandles.Lookup lookup, Class<R> type) {
        return RecordLayouts.of(Objects.requireNonNull(lookup, "lookup must not be null"), type, false);
    }

    /**
     * The C-compatible layout of {@code type}: components in declaration order, naturally aligned, padded.
     *
     * @param <R> the record class
     * @param type the record class: primitive and record components only
     * @return the layout, made on first use and the same object after
     */
    static <R extends Record> RecordLayout<R> aligned(Class<R> type) {
        return RecordLayouts.of(null, type, true);
    }

    /**
     * As {@link #aligned(Class)}, with a lookup that may use the record's constructor and accessors.
     *
     * @param <R> the record class
     * @param lookup a lookup with access to the record's constructor and accessors
     * @param type the record class: primitive and record components only
     * @return the layout, made on first use and the same object after
     */
    static <R extends Record> RecordLayout<R> aligned(MethodHandles.Lookup lookup, Class<R> type) {
        return RecordLayouts.of(Objects.requireNonNull(lookup, "lookup must not be null"), type, true);
    }

    /**
     * The record class.
     *
     * @return the record class this layout reads and writes
     */
    Class<R> type();

    /**
     * True for the C-compatible (naturally aligned) layout, false for the packed one.
     *
     * @return whether components are naturally aligned with C's padding
     */
    boolean isAligned();

    /**
     * The size of one record in bytes, padding included: the stride of an array of them.
     *
     * @return the record's size in bytes
     */
    long byteSize();

    /**
     * The record as an FFM struct layout (little-endian members; padding layouts where C pads), to combine with others.
     *
     * @return the struct layout, named after the record's components
     */
    StructLayout layout();

    /**
     * Reads the record at {@code position} of the view, in the view's byte order.
     *
     * @param view the view to read
     * @param position the view offset of the record's first byte
     * @return a new record
     */
    R read(MemoryMappedViewAccessor view, long position);

    /**
     * Writes {@code record} at {@code position} of the view, in the view's byte order: all of it or nothing.
     *
     * @param view the view to write
     * @param position the view offset of the record's first byte
     * @param record the record to write; never {@code null}
     */
    void write(MemoryMappedViewAccessor view, long position, R record);

    /**
     * Reads {@code count} records from {@code position} (one every {@link #byteSize()}) into {@code array[index..]}.
     *
     * @param view the view to read
     * @param position the view offset of the first record
     * @param array the array to fill
     * @param index the first array index written
     * @param count the number of records
     * @return {@code count}
     */
    int readArray(MemoryMappedViewAccessor view, long position, R[] array, int index, int count);

    /**
     * Writes {@code array[index..index + count)} from {@code position}: all of them or nothing (no null element).
     *
     * @param view the view to write
     * @param position the view offset of the first record
     * @param array the records to write
     * @param index the first array index read
     * @param count the number of records
     */
    void writeArray(MemoryMappedViewAccessor view, long position, R[] array, int index, int count);

    /**
     * Reads the record at the stream's position, little-endian, and moves past it; {@code EOFException} at the end.
     *
     * @param stream the stream to read
     * @return a new record
     * @throws IOException {@code EOFException} when the record passes the end (nothing is consumed)
     */
    R read(MemoryMappedViewStream stream) throws IOException;

    /**
     * Writes {@code record} at the stream's position, little-endian, and moves past it.
     *
     * @param stream the stream to write
     * @param record the record to write; never {@code null}
     * @throws IOException the stream is closed; {@code BufferOverflowException} when the record does not fit
     */
    void write(MemoryMappedViewStream stream, R record) throws IOException;

    /**
     * Reads the record at {@code offset} of a segment, little-endian (for records inside FFM structures).
     *
     * @param segment the memory to read
     * @param offset the segment offset of the record's first byte
     * @return a new record
     */
    R read(MemorySegment segment, long offset);

    /**
     * Writes {@code record} at {@code offset} of a segment, little-endian: all of it or nothing.
     *
     * @param segment the memory to write
     * @param offset the segment offset of the record's first byte
     * @param record the record to write; never {@code null}
     */
    void write(MemorySegment segment, long offset, R record);
}
