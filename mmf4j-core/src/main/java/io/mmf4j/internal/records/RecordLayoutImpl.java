package io.mmf4j.internal.records;

import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.RecordLayout;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.ViewAccessorImpl;
import io.mmf4j.internal.ViewStreamImpl;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.Objects;

/**
 * The one implementation of {@link RecordLayout}: the checks and the choice of byte order, over four methods that
 * a hidden class generated per layout ({@link CodecGenerator}) implements as straight-line loads and stores. Each
 * generated method checks that the whole record fits its segment before it touches a byte, and a write runs every
 * accessor before its first store. Immutable; thread-safe; lives as long as its record class.
 *
 * @param <R> the record class
 */
public abstract non-sealed class RecordLayoutImpl<R extends Record> implements RecordLayout<R> {
    private final RecordShape shape;
    private final Class<R> type;
    private final long size;

    @SuppressWarnings("unchecked") // the shape was made for R
    protected RecordLayoutImpl(RecordShape shape) {
        this.shape = shape;
        this.type = (Class<R>) shape.type();
        this.size = shape.byteSize();
    }

    /** The record at {@code position} of {@code segment}, little-endian; IndexOutOfBoundsException if it does not fit. */
    protected abstract Record readLittle(MemorySegment segment, long position);

    protected abstract Record readBig(MemorySegment segment, long position);

    /** Writes {@code record} at {@code position}, little-endian: nothing if it does not fit or an accessor throws. */
    protected abstract void writeLittle(MemorySegment segment, long position, Record record);

    protected abstract void writeBig(MemorySegment segment, long position, Record record);

    @Override
    public final Class<R> type() {
        return type;
    }

    @Override
    public final boolean isAligned() {
        return shape.aligned();
    }

    @Override
    public final long byteSize() {
        return size;
    }

    @Override
    public final StructLayout layout() {
        return shape.layout();
    }

    @Override
    @SuppressWarnings("unchecked") // the generated reader makes an R
    public final R read(MemoryMappedViewAccessor view, long position) {
        ViewAccessorImpl accessor = (ViewAccessorImpl) Objects.requireNonNull(view, "view must not be null");
        MemorySegment segment = accessor.recordSegment();
        try {
            return (R) (accessor.bigEndian() ? readBig(segment, position) : readLittle(segment, position));
        } catch (IllegalStateException e) {
            throw accessor.refuseClosed(e);
        }
    }

    @Override
    public final void write(MemoryMappedViewAccessor view, long position, R record) {
        ViewAccessorImpl accessor = (ViewAccessorImpl) Objects.requireNonNull(view, "view must not be null");
        Objects.requireNonNull(record, "record must not be null");
        MemorySegment segment = accessor.recordSegment();
        try {
            if (accessor.bigEndian()) {
                writeBig(segment, position, record);
            } else {
                writeLittle(segment, position, record);
            }
        } catch (IllegalArgumentException refused) {
            throw accessor.refuseWrite(refused); // the first store is refused: nothing was written
        } catch (IllegalStateException e) {
            throw accessor.refuseClosed(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public final int readArray(MemoryMappedViewAccessor view, long position, R[] array, int index, int count) {
        ViewAccessorImpl accessor = (ViewAccessorImpl) Objects.requireNonNull(view, "view must not be null");
        Objects.checkFromIndexSize(index, count, Checks.notNull(array, "array").length);
        MemorySegment segment = accessor.recordSegment();
        checkFits(position, count, segment);
        boolean big = accessor.bigEndian();
        try {
            for (int i = 0; i < count; i++) {
                long at = position + i * size;
                array[index + i] = (R) (big ? readBig(segment, at) : readLittle(segment, at));
            }
        } catch (IllegalStateException e) {
            throw accessor.refuseClosed(e);
        }
        return count;
    }

    @Override
    public final void writeArray(MemoryMappedViewAccessor view, long position, R[] array, int index, int count) {
        ViewAccessorImpl accessor = (ViewAccessorImpl) Objects.requireNonNull(view, "view must not be null");
        Objects.checkFromIndexSize(index, count, Checks.notNull(array, "array").length);
        for (int i = index; i < index + count; i++) {
            if (array[i] == null) {
                throw new NullPointerException("array[" + i + "] is null: nothing was written");
            }
        }
        MemorySegment segment = accessor.recordSegment();
        checkFits(position, count, segment);
        boolean big = accessor.bigEndian();
        try {
            for (int i = 0; i < count; i++) {
                long at = position + i * size;
                if (big) {
                    writeBig(segment, at, array[index + i]);
                } else {
                    writeLittle(segment, at, array[index + i]);
                }
            }
        } catch (IllegalArgumentException refused) {
            throw accessor.refuseWrite(refused);
        } catch (IllegalStateException e) {
            throw accessor.refuseClosed(e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R read(MemoryMappedViewStream stream) throws IOException {
        ViewStreamImpl impl = (ViewStreamImpl) Objects.requireNonNull(stream, "stream must not be null");
        return (R) readLittle(impl.recordSegment(), impl.claimRead(size));
    }

    @Override
    public final void write(MemoryMappedViewStream stream, R record) throws IOException {
        ViewStreamImpl impl = (ViewStreamImpl) Objects.requireNonNull(stream, "stream must not be null");
        Objects.requireNonNull(record, "record must not be null");
        writeLittle(impl.recordSegment(), impl.claimWrite(size), record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R read(MemorySegment segment, long offset) {
        return (R) readLittle(Objects.requireNonNull(segment, "segment must not be null"), offset);
    }

    @Override
    public final void write(MemorySegment segment, long offset, R record) {
        Objects.requireNonNull(segment, "segment must not be null");
        writeLittle(segment, offset, Objects.requireNonNull(record, "record must not be null"));
    }

    /** {@code count} records from {@code position} fit the segment (IndexOutOfBoundsException otherwise). */
    private void checkFits(long position, int count, MemorySegment segment) {
        long bytes;
        try {
            bytes = Math.multiplyExact(size, count);
        } catch (ArithmeticException tooMany) {
            throw new IndexOutOfBoundsException(count + " records of " + size + " bytes do not fit any view");
        }
        Objects.checkFromIndexSize(position, bytes, segment.byteSize());
    }

    @Override
    public final String toString() {
        return "RecordLayout[" + (shape.aligned() ? "aligned " : "packed ") + type.getName() + ", " + size + " bytes]";
    }
}
