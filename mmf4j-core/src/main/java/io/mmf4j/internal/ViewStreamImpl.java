package io.mmf4j.internal;

import static io.mmf4j.internal.ViewLayouts.CHAR;
import static io.mmf4j.internal.ViewLayouts.INT;
import static io.mmf4j.internal.ViewLayouts.LONG;
import static io.mmf4j.internal.ViewLayouts.SHORT;

import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.internal.records.RecordLayouts;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.charset.StandardCharsets;

/**
 * The one implementation of {@link MemoryMappedViewStream}: a position over a {@link MappedView}. As a channel
 * it follows the channel contract: use after close throws {@link ClosedChannelException}.
 */
public final class ViewStreamImpl implements MemoryMappedViewStream {
    private final MappedView view;
    private final MemorySegment segment;
    private final long size;
    private long position;

    ViewStreamImpl(MappedView view) {
        this.view = view;
        this.segment = view.segment();
        this.size = view.size();
    }

    private void checkOpen() throws ClosedChannelException {
        if (view.isClosed()) {
            throw Refusals.closed(this + " is closed");
        }
    }

    private void checkReadable() throws ClosedChannelException {
        checkOpen();
        if (!view.access().canRead()) {
            throw Refusals.nonReadable("read refused: " + this + " cannot read");
        }
    }

    private void checkWritable() throws ClosedChannelException {
        checkOpen();
        if (!view.access().canWrite()) {
            throw Refusals.nonWritable("write refused: " + this + " is read-only");
        }
    }

    /** The position to read {@code bytes} at, advancing past them; EOFException if they pass the end. */
    public long claimRead(long bytes) throws IOException {
        checkReadable();
        if (position > size - bytes) {
            throw new EOFException("reading " + bytes + " bytes at " + position + " passes the end of the view (" + size + ")");
        }
        long at = position;
        position += bytes;
        return at;
    }

    /** The position to write {@code bytes} at, advancing past them; BufferOverflowException if they pass the end. */
    public long claimWrite(long bytes) throws IOException {
        checkWritable();
        if (position > size - bytes) {
            throw Refusals.overflow("writing " + bytes + " bytes at " + position + " passes the end of the view ("
                    + size + ")");
        }
        long at = position;
        position += bytes;
        return at;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        checkReadable();
        if (position >= size) {
            return -1;
        }
        int count = (int) Math.min(destination.remaining(), size - position);
        MemorySegment.copy(segment, position, MemorySegment.ofBuffer(destination), 0, count);
        destination.position(destination.position() + count);
        position += count;
        return count;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        checkWritable();
        if (!source.hasRemaining()) {
            return 0;
        }
        if (position >= size) {
            throw new IOException("the view is full: it ends at " + size + " and the position is " + position);
        }
        int count = (int) Math.min(source.remaining(), size - position);
        MemorySegment.copy(MemorySegment.ofBuffer(source), 0, segment, position, count);
        source.position(source.position() + count);
        position += count;
        return count;
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public MemoryMappedViewStream position(long newPosition) throws IOException {
        checkOpen();
        Checks.nonNegative(newPosition, "position");
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        checkOpen();
        return size;
    }

    @Override
    public MemoryMappedViewStream truncate(long newSize) {
        throw new UnsupportedOperationException("the size of a view stream is fixed at " + size + " bytes");
    }

    @Override
    public boolean isOpen() {
        return !view.isClosed();
    }

    @Override
    public long pointerOffset() {
        return view.pointerOffset();
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
        return view.access().canWrite();
    }

    /** For record layouts: the view's segment. */
    public MemorySegment recordSegment() {
        return segment;
    }

    @Override
    public <R extends Record> R readRecord(Class<R> type) throws IOException {
        return RecordLayouts.packed(Checks.notNull(type, "type")).read(this);
    }

    @Override
    public <R extends Record> MemoryMappedViewStream writeRecord(R record) throws IOException {
        RecordLayouts.packedOf(Checks.notNull(record, "record")).write(this, record);
        return this;
    }

    @Override
    public byte readByte() throws IOException {
        return segment.get(ValueLayout.JAVA_BYTE, claimRead(1));
    }

    @Override
    public short readShort() throws IOException {
        return segment.get(SHORT, claimRead(2));
    }

    @Override
    public char readChar() throws IOException {
        return segment.get(CHAR, claimRead(2));
    }

    @Override
    public int readInt() throws IOException {
        return segment.get(INT, claimRead(4));
    }

    @Override
    public long readLong() throws IOException {
        return segment.get(LONG, claimRead(8));
    }

    @Override
    public float readFloat() throws IOException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws IOException {
        return Double.longBitsToDouble(readLong());
    }

    @Override
    public boolean readBoolean() throws IOException {
        return readByte() != 0;
    }

    @Override
    public String readString() throws IOException {
        long start = position;
        try {
            int length = SevenBitStrings.readLength(this::readByte, start); // untrusted: claimed before allocating
            long at = claimRead(length);
            byte[] bytes = new byte[length];
            MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, at, bytes, 0, length);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException | Error e) {
            position = start; // a failed read consumes nothing
            throw e;
        }
    }

    @Override
    public MemoryMappedViewStream writeByte(byte value) throws IOException {
        segment.set(ValueLayout.JAVA_BYTE, claimWrite(1), value);
        return this;
    }

    @Override
    public MemoryMappedViewStream writeShort(short value) throws IOException {
        segment.set(SHORT, claimWrite(2), value);
        return this;
    }

    @Override
    public MemoryMappedViewStream writeChar(char value) throws IOException {
        segment.set(CHAR, claimWrite(2), value);
        return this;
    }

    @Override
    public MemoryMappedViewStream writeInt(int value) throws IOException {
        segment.set(INT, claimWrite(4), value);
        return this;
    }

    @Override
    public MemoryMappedViewStream writeLong(long value) throws IOException {
        segment.set(LONG, claimWrite(8), value);
        return this;
    }

    @Override
    public MemoryMappedViewStream writeFloat(float value) throws IOException {
        return writeInt(Float.floatToRawIntBits(value));
    }

    @Override
    public MemoryMappedViewStream writeDouble(double value) throws IOException {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    @Override
    public MemoryMappedViewStream writeBoolean(boolean value) throws IOException {
        return writeByte(value ? (byte) 1 : (byte) 0);
    }

    @Override
    public MemoryMappedViewStream writeString(String value) throws IOException {
        Checks.notNull(value, "value");
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        long at = claimWrite(SevenBitStrings.prefixLength(bytes.length) + (long) bytes.length); // all or nothing
        SevenBitStrings.write(segment, at, bytes);
        return this;
    }

    @Override
    public void flush() throws IOException {
        checkOpen();
        view.flush();
    }

    @Override
    public void close() throws IOException {
        view.close();
    }

    @Override
    public InputStream asInputStream() {
        return ViewStreamAdapters.input(this);
    }

    @Override
    public OutputStream asOutputStream() {
        return ViewStreamAdapters.output(this);
    }

    /** For {@link ViewStreamAdapters#input}: the next byte as 0-255, or -1 at the end of the view. */
    int readByteOrEnd() throws IOException {
        checkReadable();
        return position >= size ? -1 : segment.get(ValueLayout.JAVA_BYTE, position++) & 0xFF;
    }

    /** For {@link ViewStreamAdapters#input}: up to {@code length} bytes, -1 at the end of the view. */
    int readAtMost(byte[] bytes, int offset, int length) throws IOException {
        checkReadable();
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        int count = (int) Math.min(length, size - position);
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, bytes, offset, count);
        position += count;
        return count;
    }

    /** For {@link ViewStreamAdapters#input}: moves up to {@code n} bytes on, never past the end. */
    long skipAtMost(long n) throws IOException {
        checkOpen();
        long skipped = Math.max(0, Math.min(n, size - position));
        position += skipped;
        return skipped;
    }

    /** For {@link ViewStreamAdapters#input}: the bytes between the position and the end of the view. */
    long remaining() throws IOException {
        checkOpen();
        return Math.max(0, size - position);
    }

    /** For {@link ViewStreamAdapters#output}: one byte; a full view is an {@code IOException}, as below. */
    void writeByteOrFail(byte value) throws IOException {
        checkWritable();
        if (position >= size) {
            throw new IOException("writing 1 byte at " + position + " passes the end of the view (" + size + ")");
        }
        segment.set(ValueLayout.JAVA_BYTE, position++, value);
    }

    /**
     * For {@link ViewStreamAdapters#output}: all {@code length} bytes or none; a full view is an
     * {@code IOException}, as an {@code OutputStream} reports it.
     */
    void writeExactly(byte[] bytes, int offset, int length) throws IOException {
        checkWritable();
        if (position > size - length) {
            throw new IOException("writing " + length + " bytes at " + position + " passes the end of the view ("
                    + size + ")");
        }
        MemorySegment.copy(bytes, offset, segment, ValueLayout.JAVA_BYTE, position, length);
        position += length;
    }

    @Override
    public String toString() {
        return "MemoryMappedViewStream[offset=" + view.offset() + ", size=" + size + ", position=" + position
                + ", access=" + view.access() + (view.isClosed() ? ", closed" : "") + "]";
    }
}
