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

    /**
     * How far the view's start lies past the page boundary it was mapped from.
     *
     * @return the bytes between the page boundary and the view's first byte
     */
    long pointerOffset();

    /**
     * The stream's access: the one it was made with, never wider than the map's.
     *
     * @return the access
     */
    MemoryMappedFileAccess access();

    /**
     * Whether the stream may be read: every access a stream can have reads ({@code WRITE}, the write-only one, is
     * refused for views).
     *
     * @return {@code true} when reads are allowed
     */
    boolean canRead();

    /**
     * Whether the stream may be written: READ_WRITE, COPY_ON_WRITE (privately) and READ_WRITE_EXECUTE.
     *
     * @return {@code true} when writes are allowed
     */
    boolean canWrite();

    @Override
    MemoryMappedViewStream position(long newPosition) throws IOException;

    /** Refused: the size of a view is fixed. */
    @Override
    MemoryMappedViewStream truncate(long size) throws IOException;

    /**
     * An input stream reading from, and advancing, this stream's position. Closing it closes nothing.
     *
     * @return an input stream over the bytes from the position to the end
     */
    InputStream asInputStream();

    /**
     * An output stream writing at, and advancing, this stream's position. Closing it closes nothing.
     *
     * @return an output stream over the bytes from the position to the end
     */
    OutputStream asOutputStream();

    /**
     * Reads the byte at the position (1 byte, little-endian) and moves past it.
     *
     * @return the byte read
     * @throws IOException {@code EOFException} when fewer than 1 byte remain (the position stays), or the stream is
     *     closed
     */
    byte readByte() throws IOException;

    /**
     * Reads the short at the position (2 bytes, little-endian) and moves past it.
     *
     * @return the short read
     * @throws IOException {@code EOFException} when fewer than 2 bytes remain (the position stays), or the stream is
     *     closed
     */
    short readShort() throws IOException;

    /**
     * Reads the char at the position (2 bytes, little-endian) and moves past it.
     *
     * @return the char read
     * @throws IOException {@code EOFException} when fewer than 2 bytes remain (the position stays), or the stream is
     *     closed
     */
    char readChar() throws IOException;

    /**
     * Reads the int at the position (4 bytes, little-endian) and moves past it.
     *
     * @return the int read
     * @throws IOException {@code EOFException} when fewer than 4 bytes remain (the position stays), or the stream is
     *     closed
     */
    int readInt() throws IOException;

    /**
     * Reads the long at the position (8 bytes, little-endian) and moves past it.
     *
     * @return the long read
     * @throws IOException {@code EOFException} when fewer than 8 bytes remain (the position stays), or the stream is
     *     closed
     */
    long readLong() throws IOException;

    /**
     * Reads the float at the position (4 bytes, little-endian) and moves past it.
     *
     * @return the float read
     * @throws IOException {@code EOFException} when fewer than 4 bytes remain (the position stays), or the stream is
     *     closed
     */
    float readFloat() throws IOException;

    /**
     * Reads the double at the position (8 bytes, little-endian) and moves past it.
     *
     * @return the double read
     * @throws IOException {@code EOFException} when fewer than 8 bytes remain (the position stays), or the stream is
     *     closed
     */
    double readDouble() throws IOException;

    /**
     * Reads the boolean at the position (1 byte, little-endian (any byte but 0 is {@code true})) and moves past it.
     *
     * @return the boolean read
     * @throws IOException {@code EOFException} when fewer than 1 byte remain (the position stays), or the stream is
     *     closed
     */
    boolean readBoolean() throws IOException;

    /**
     * Reads a string as .NET's BinaryReader does: a 7-bit-encoded byte length, then UTF-8.
     *
     * @return the string read (bytes that are not UTF-8 read as U+FFFD)
     * @throws IOException {@code EOFException} when the length or the bytes pass the end (the position stays)
     */
    String readString() throws IOException;

    /**
     * Writes {@code value} at the position (1 byte, little-endian) and moves past it.
     *
     * @param value the byte to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeByte(byte value) throws IOException;

    /**
     * Writes {@code value} at the position (2 bytes, little-endian) and moves past it.
     *
     * @param value the short to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeShort(short value) throws IOException;

    /**
     * Writes {@code value} at the position (2 bytes, little-endian) and moves past it.
     *
     * @param value the char to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeChar(char value) throws IOException;

    /**
     * Writes {@code value} at the position (4 bytes, little-endian) and moves past it.
     *
     * @param value the int to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeInt(int value) throws IOException;

    /**
     * Writes {@code value} at the position (8 bytes, little-endian) and moves past it.
     *
     * @param value the long to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeLong(long value) throws IOException;

    /**
     * Writes {@code value} at the position (4 bytes, little-endian) and moves past it.
     *
     * @param value the float to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeFloat(float value) throws IOException;

    /**
     * Writes {@code value} at the position (8 bytes, little-endian) and moves past it.
     *
     * @param value the double to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeDouble(double value) throws IOException;

    /**
     * Writes {@code value} at the position (1 byte, little-endian (1 for {@code true}, 0 for {@code false})) and moves
     *     past it.
     *
     * @param value the boolean to write
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeBoolean(boolean value) throws IOException;

    /**
     * Writes a string as .NET's BinaryWriter does: a 7-bit-encoded byte length, then UTF-8.
     *
     * @param value the string to write; never {@code null}
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    MemoryMappedViewStream writeString(String value) throws IOException;

    /**
     * Reads a record packed in declaration order ({@code RecordLayout.packed(type).read(this)}) and moves past it;
     * {@code EOFException} if it passes the end (nothing is consumed). Little-endian.
     *
     * @param <R> the record type
     * @param type the record class
     * @return a new record holding the bytes read
     * @throws IOException {@code EOFException} when the record passes the end
     */
    <R extends Record> R readRecord(Class<R> type) throws IOException;

    /**
     * Writes a record packed in declaration order and moves past it; {@code BufferOverflowException} if it does not
     *     fit.
     *
     * @param <R> the record type
     * @param record the record to write; never {@code null}
     * @return this stream, for chaining
     * @throws IOException the stream is closed
     */
    <R extends Record> MemoryMappedViewStream writeRecord(R record) throws IOException;

    /**
     * Writes the view's dirty pages to the file and makes them durable.
     *
     * @throws IOException the OS cannot write the pages back
     */
    void flush() throws IOException;

    /** Flushes a view that writes to the file, then unmaps. Idempotent. */
    @Override
    void close() throws IOException;
}
