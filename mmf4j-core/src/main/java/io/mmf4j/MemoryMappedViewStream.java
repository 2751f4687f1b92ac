package io.mmf4j;

import io.mmf4j.internal.ViewStreamImpl;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;

/**
 * Sequential access to a view of a {@link MemoryMappedFile}: a fixed-size {@link SeekableByteChannel}, with
 * {@link InputStream} and {@link OutputStream} adapters and little-endian typed reads and writes at the
 * current position, as .NET's {@code MemoryMappedViewStream} with a {@code BinaryReader}/{@code BinaryWriter}.
 *
 * {@snippet :
 * try (MemoryMappedViewStream stream = map.createViewStream()) {
 *     stream.writeInt(7).writeString("seven");
 *     stream.position(0);
 *     int n = stream.readInt();           // 7
 *     String s = stream.readString();     // "seven"
 * }
 * }
 *
 * <p>The size is the view's and never changes: {@code truncate} is refused, and a write past the end
 * throws {@code java.nio.BufferOverflowException} for typed writes (a channel write stops at the end).
 * Typed reads past the end throw {@code java.io.EOFException}.
 *
 * <p><b>Thread safety.</b> Not thread-safe: the position is shared state. Use one stream per thread, or an
 * accessor for concurrent access.
 */
public sealed interface MemoryMappedViewStream extends SeekableByteChannel permits ViewStreamImpl {

    /** How far the view's start lies past the page boundary it was mapped from. */
    long pointerOffset();

    MemoryMappedFileAccess access();

    boolean canRead();

    boolean canWrite();

    @Override
    MemoryMappedViewStream position(long newPosition) throws IOException;

    /** Refused: the size of a view is fixed. */
    @Override
    MemoryMappedViewStream truncate(long size) throws IOException;

    /** An input stream reading from, and advancing, this stream's position. Closing it closes nothing. */
    InputStream asInputStream();

    /** An output stream writing at, and advancing, this stream's position. Closing it closes nothing. */
    OutputStream asOutputStream();

    byte readByte() throws IOException;

    short readShort() throws IOException;

    char readChar() throws IOException;

    int readInt() throws IOException;

    long readLong() throws IOException;

    float readFloat() throws IOException;

    double readDouble() throws IOException;

    boolean readBoolean() throws IOException;

    /** Reads a string as .NET's BinaryReader does: a 7-bit-encoded byte length, then UTF-8. */
    String readString() throws IOException;

    MemoryMappedViewStream writeByte(byte value) throws IOException;

    MemoryMappedViewStream writeShort(short value) throws IOException;

    MemoryMappedViewStream writeChar(char value) throws IOException;

    MemoryMappedViewStream writeInt(int value) throws IOException;

    MemoryMappedViewStream writeLong(long value) throws IOException;

    MemoryMappedViewStream writeFloat(float value) throws IOException;

    MemoryMappedViewStream writeDouble(double value) throws IOException;

    MemoryMappedViewStream writeBoolean(boolean value) throws IOException;

    /** Writes a string as .NET's BinaryWriter does: a 7-bit-encoded byte length, then UTF-8. */
    MemoryMappedViewStream writeString(String value) throws IOException;

    /**
     * Reads a record packed in declaration order ({@code RecordLayout.packed(type).read(this)}) and moves past it;
     * {@code EOFException} if it passes the end (nothing is consumed). Little-endian.
     */
    <R extends Record> R readRecord(Class<R> type) throws IOException;

    /** Writes a record packed in declaration order and moves past it; {@code BufferOverflowException} if it does not fit. */
    <R extends Record> MemoryMappedViewStream writeRecord(R record) throws IOException;

    /** Writes the view's dirty pages to the file and makes them durable. */
    void flush() throws IOException;

    /** Flushes a view that writes to the file, then unmaps. Idempotent. */
    @Override
    void close() throws IOException;
}
