package io.mmf4j.internal;

import static io.mmf4j.internal.ViewLayouts.CHAR;
import static io.mmf4j.internal.ViewLayouts.CHAR_BIG;
import static io.mmf4j.internal.ViewLayouts.DOUBLE;
import static io.mmf4j.internal.ViewLayouts.DOUBLE_BIG;
import static io.mmf4j.internal.ViewLayouts.FLOAT;
import static io.mmf4j.internal.ViewLayouts.FLOAT_BIG;
import static io.mmf4j.internal.ViewLayouts.INT;
import static io.mmf4j.internal.ViewLayouts.INT_BIG;
import static io.mmf4j.internal.ViewLayouts.LONG;
import static io.mmf4j.internal.ViewLayouts.LONG_BIG;
import static io.mmf4j.internal.ViewLayouts.SHORT;
import static io.mmf4j.internal.ViewLayouts.SHORT_BIG;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.internal.records.RecordLayouts;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.util.Objects;

/**
 * The one implementation of {@link MemoryMappedViewAccessor}. Every access is one access through a constant
 * layout, which the JIT compiles to a plain load or store (the bounds check and the byte-order branch hoist out
 * of loops). Big-endian values are stored with a byte swap.
 *
 * <p><b>Closed views cost nothing per access.</b> There is no "closed" flag to test: when the view closes it
 * swaps this accessor's {@code segment} for {@link MappedView#closedSegment()}, whose arena is already closed,
 * so the liveness check every segment access makes anyway throws {@code IllegalStateException}. A thread that
 * has not yet seen the swap still holds the real segment, whose memory stays mapped until the view's arena is
 * closed after a handshake with every thread: it reads real bytes or throws, and never faults.
 */
public final class ViewAccessorImpl implements MemoryMappedViewAccessor {
    /** Atomic accesses: native order and aligned, as the hardware needs them. */
    private static final VarHandle INT_ATOMIC = ValueLayout.JAVA_INT.varHandle();
    private static final VarHandle LONG_ATOMIC = ValueLayout.JAVA_LONG.varHandle();

    private final MappedView view;
    private MemorySegment segment; // swapped for MappedView#closedSegment() at close: see the class comment
    private final boolean writable;
    private final boolean swap;
    private final boolean guardAtomics; // read-modify-writes take the guarded CAS: a page can vanish (ViewAtomics)

    ViewAccessorImpl(MappedView view) {
        this(view, ByteOrder.LITTLE_ENDIAN);
    }

    private ViewAccessorImpl(MappedView view, ByteOrder order) {
        this.view = view;
        this.segment = view.segment();
        this.writable = view.access().canWrite();
        this.swap = order == ByteOrder.BIG_ENDIAN;
        this.guardAtomics = view.pagesCanVanish();
        view.whenClosed(this::segmentClosed);
    }

    /** Called by the view at close, on the closing thread. */
    private void segmentClosed() {
        segment = view.closedSegment();
    }

    /**
     * A plain write through a read-only view is refused by its read-only segment, with no test of our own on the
     * fast path; this turns that refusal into the documented {@code ReadOnlyBufferException}.
     */
    private RuntimeException writeRefused(IllegalArgumentException refused) {
        if (writable || !segment.isReadOnly()) {
            return refused; // not a read-only refusal
        }
        view.checkOpen();
        ReadOnlyBufferException readOnly = Refusals.readOnly("write refused: " + this + " is read-only");
        readOnly.initCause(refused);
        return readOnly;
    }

    /**
     * An access that found the segment closed: the JDK says only "Already closed"; this says which view, and that
     * it was closed. Cold: only the failure path calls it.
     */
    private RuntimeException closed(IllegalStateException e) {
        if (!view.isClosed()) {
            return e;
        }
        return new IllegalStateException(this + ": the view was closed, its memory can no longer be reached", e);
    }

    /** For atomics, whose misaligned accesses also throw {@code IllegalArgumentException}. */
    private void checkWritable() {
        if (!writable) {
            view.checkOpen(); // a closed view says so first, whatever its access
            throw Refusals.readOnly("write refused: " + this + " is read-only");
        }
    }

    @Override
    public long capacity() {
        return view.size();
    }

    @Override
    public long pointerOffset() {
        return view.pointerOffset();
    }

    @Override
    public long offset() {
        return view.offset();
    }

    @Override
    public MemoryMappedFileAccess access() {
        return view.access();
    }

    @Override
    public boolean canRead() {
        return view.access().canRead();
    }

    @Override
    public boolean canWrite() {
        return writable;
    }

    @Override
    public ByteOrder order() {
        return swap ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    @Override
    public MemoryMappedViewAccessor withOrder(ByteOrder order) {
        Checks.notNull(order, "order");
        view.checkOpen();
        return new ViewAccessorImpl(view, order);
    }

    @Override
    public byte getByte(long position) {
        try {
            return segment.get(ValueLayout.JAVA_BYTE, position);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public boolean getBoolean(long position) {
        return getByte(position) != 0;
    }

    @Override
    public float getFloat(long position) {
        return Float.intBitsToFloat(getInt(position));
    }

    @Override
    public double getDouble(long position) {
        return Double.longBitsToDouble(getLong(position));
    }

    @Override
    public short getShort(long position) {
        try {
            short value = segment.get(SHORT, position);
            return swap ? Short.reverseBytes(value) : value;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public char getChar(long position) {
        try {
            char value = segment.get(CHAR, position);
            return swap ? Character.reverseBytes(value) : value;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public int getInt(long position) {
        try {
            int value = segment.get(INT, position);
            return swap ? Integer.reverseBytes(value) : value;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long getLong(long position) {
        try {
            long value = segment.get(LONG, position);
            return swap ? Long.reverseBytes(value) : value;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putByte(long position, byte value) {
        try {
            segment.set(ValueLayout.JAVA_BYTE, position, value);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putBoolean(long position, boolean value) {
        putByte(position, value ? (byte) 1 : (byte) 0);
    }

    @Override
    public void putFloat(long position, float value) {
        putInt(position, Float.floatToRawIntBits(value));
    }

    @Override
    public void putDouble(long position, double value) {
        putLong(position, Double.doubleToRawLongBits(value));
    }

    @Override
    public void putShort(long position, short value) {
        try {
            segment.set(SHORT, position, swap ? Short.reverseBytes(value) : value);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putChar(long position, char value) {
        try {
            segment.set(CHAR, position, swap ? Character.reverseBytes(value) : value);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putInt(long position, int value) {
        try {
            segment.set(INT, position, swap ? Integer.reverseBytes(value) : value);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putLong(long position, long value) {
        try {
            segment.set(LONG, position, swap ? Long.reverseBytes(value) : value);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public int readArray(long position, byte[] array, int index, int count) {
        return readInto(position, array, array.length, ValueLayout.JAVA_BYTE, index, count);
    }

    @Override
    public void writeArray(long position, byte[] array, int index, int count) {
        writeFrom(array, array.length, index, count, ValueLayout.JAVA_BYTE, position);
    }

    @Override
    public int readArray(long position, short[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? SHORT_BIG : SHORT, index, count);
    }

    @Override
    public void writeArray(long position, short[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? SHORT_BIG : SHORT, position);
    }

    @Override
    public int readArray(long position, char[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? CHAR_BIG : CHAR, index, count);
    }

    @Override
    public void writeArray(long position, char[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? CHAR_BIG : CHAR, position);
    }

    @Override
    public int readArray(long position, int[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? INT_BIG : INT, index, count);
    }

    @Override
    public void writeArray(long position, int[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? INT_BIG : INT, position);
    }

    @Override
    public int readArray(long position, long[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? LONG_BIG : LONG, index, count);
    }

    @Override
    public void writeArray(long position, long[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? LONG_BIG : LONG, position);
    }

    @Override
    public int readArray(long position, float[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? FLOAT_BIG : FLOAT, index, count);
    }

    @Override
    public void writeArray(long position, float[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? FLOAT_BIG : FLOAT, position);
    }

    @Override
    public int readArray(long position, double[] array, int index, int count) {
        return readInto(position, array, array.length, swap ? DOUBLE_BIG : DOUBLE, index, count);
    }

    @Override
    public void writeArray(long position, double[] array, int index, int count) {
        writeFrom(array, array.length, index, count, swap ? DOUBLE_BIG : DOUBLE, position);
    }

    /** Every readArray: {@code count} elements of {@code layout} at {@code position} into {@code array}. */
    private int readInto(long position, Object array, int length, ValueLayout layout, int index, int count) {
        try {
            Objects.checkFromIndexSize(index, count, length);
            MemorySegment.copy(segment, layout, position, array, index, count);
            return count;
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    /** Every writeArray: {@code count} elements of {@code array} as {@code layout} at {@code position}. */
    private void writeFrom(Object array, int length, int index, int count, ValueLayout layout, long position) {
        Objects.checkFromIndexSize(index, count, length);
        try {
            MemorySegment.copy(array, index, segment, layout, position, count);
        } catch (IllegalArgumentException refused) {
            throw writeRefused(refused);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public <R extends Record> R read(long position, Class<R> type) {
        return RecordLayouts.packed(Checks.notNull(type, "type")).read(this, position);
    }

    @Override
    public <R extends Record> void write(long position, R record) {
        RecordLayouts.packedOf(Checks.notNull(record, "record")).write(this, position, record);
    }

    @Override
    @SuppressWarnings("unchecked") // an R[]'s component type is R's class
    public <R extends Record> int readArray(long position, R[] array, int index, int count) {
        Class<R> type = (Class<R>) Checks.notNull(array, "array").getClass().getComponentType();
        return RecordLayouts.packed(type).readArray(this, position, array, index, count);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R extends Record> void writeArray(long position, R[] array, int index, int count) {
        Class<R> type = (Class<R>) Checks.notNull(array, "array").getClass().getComponentType();
        RecordLayouts.packed(type).writeArray(this, position, array, index, count);
    }

    /** For record layouts: the segment accesses go through (a closed one after close: see the class comment). */
    public MemorySegment recordSegment() {
        return segment;
    }

    /** For record layouts: big-endian (true) or little-endian. */
    public boolean bigEndian() {
        return swap;
    }

    /** For record layouts: a refused store as the exception this accessor documents. */
    public RuntimeException refuseWrite(IllegalArgumentException refused) {
        return writeRefused(refused);
    }

    /** For record layouts: an access that found the segment closed, saying which view and that it was closed. */
    public RuntimeException refuseClosed(IllegalStateException e) {
        return closed(e);
    }

    @Override
    public int getIntVolatile(long position) {
        try {
            return (int) INT_ATOMIC.getVolatile(segment, position);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putIntVolatile(long position, int value) {
        try {
            checkWritable();
            INT_ATOMIC.setVolatile(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public int getIntAcquire(long position) {
        try {
            return (int) INT_ATOMIC.getAcquire(segment, position);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putIntRelease(long position, int value) {
        try {
            checkWritable();
            INT_ATOMIC.setRelease(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public boolean compareAndSetInt(long position, int expected, int value) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.compareAndSetInt(segment, position, expected, value)
                    : INT_ATOMIC.compareAndSet(segment, position, expected, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public int getAndAddInt(long position, int delta) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.getAndAddInt(segment, position, delta)
                    : (int) INT_ATOMIC.getAndAdd(segment, position, delta);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public int getAndSetInt(long position, int value) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.getAndSetInt(segment, position, value)
                    : (int) INT_ATOMIC.getAndSet(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long getLongVolatile(long position) {
        try {
            return (long) LONG_ATOMIC.getVolatile(segment, position);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putLongVolatile(long position, long value) {
        try {
            checkWritable();
            LONG_ATOMIC.setVolatile(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long getLongAcquire(long position) {
        try {
            return (long) LONG_ATOMIC.getAcquire(segment, position);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void putLongRelease(long position, long value) {
        try {
            checkWritable();
            LONG_ATOMIC.setRelease(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public boolean compareAndSetLong(long position, long expected, long value) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.compareAndSetLong(segment, position, expected, value)
                    : LONG_ATOMIC.compareAndSet(segment, position, expected, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long getAndAddLong(long position, long delta) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.getAndAddLong(segment, position, delta)
                    : (long) LONG_ATOMIC.getAndAdd(segment, position, delta);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public long getAndSetLong(long position, long value) {
        try {
            checkWritable();
            return guardAtomics ? ViewAtomics.getAndSetLong(segment, position, value)
                    : (long) LONG_ATOMIC.getAndSet(segment, position, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        view.flush();
    }

    @Override
    public void flush(long offset, long length) throws IOException {
        view.flush(offset, length);
    }

    @Override
    public boolean[] residency() throws IOException {
        return view.residency();
    }

    @Override
    public boolean[] residency(long offset, long length) throws IOException {
        return view.residency(offset, length);
    }

    @Override
    public void prefetch() throws IOException {
        view.prefetch();
    }

    @Override
    public void lock() throws IOException {
        view.lock();
    }

    @Override
    public void unlock() throws IOException {
        view.unlock();
    }

    @Override
    public void evict() throws IOException {
        view.evict();
    }

    @Override
    public MemorySegment segment() {
        return view.handOutSegment();
    }

    @Override
    public void close() throws IOException {
        view.close();
    }

    @Override
    public String toString() {
        return "MemoryMappedViewAccessor[offset=" + view.offset() + ", capacity=" + view.size() + ", access="
                + view.access() + (view.isClosed() ? ", closed" : "") + "]";
    }
}
