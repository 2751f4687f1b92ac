package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view stream as a fixed-size SeekableByteChannel, its stream adapters, and its BinaryReader/Writer format. */
class ViewStreamTest {
    private static final int SIZE = 64;

    @TempDir
    Path dir;
    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedViewStream stream;

    @BeforeEach
    void open() throws IOException {
        file = dir.resolve("stream.bin");
        Files.write(file, new byte[1000]);
        map = MemoryMappedFile.createFromFile(file);
        stream = map.createViewStream(100, SIZE);
    }

    @AfterEach
    void close() throws IOException {
        stream.close();
        map.close();
    }

    private byte[] fileBytes(int from, int length) throws IOException {
        byte[] all = Files.readAllBytes(file);
        byte[] part = new byte[length];
        System.arraycopy(all, from, part, 0, length);
        return part;
    }

    @Test
    void channelReadWritePositionAndSize() throws IOException {
        assertEquals(SIZE, stream.size());
        assertEquals(0, stream.position());
        assertTrue(stream.canRead() && stream.canWrite());
        assertEquals(MemoryMappedFileAccess.READ_WRITE, stream.access());
        assertEquals(5, stream.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5})));
        assertEquals(5, stream.position());
        assertSame(stream, stream.position(1));
        ByteBuffer into = ByteBuffer.allocate(3);
        assertEquals(3, stream.read(into));
        assertArrayEquals(new byte[] {2, 3, 4}, into.array());
        assertEquals(4, stream.position());

        ByteBuffer direct = ByteBuffer.allocateDirect(10);
        direct.put(new byte[] {9, 9}).flip();
        stream.position(SIZE - 1);
        assertEquals(1, stream.write(direct), "a channel write stops at the end");
        assertEquals(1, direct.remaining());
        assertEquals(SIZE, stream.position());
        assertThrows(IOException.class, () -> stream.write(direct), "nothing fits at the end");
        assertEquals(0, stream.write(ByteBuffer.allocate(0)));
        assertEquals(-1, stream.read(ByteBuffer.allocate(1)), "end of stream");
        stream.position(SIZE + 10);
        assertEquals(SIZE + 10, stream.position(), "a position past the end is allowed, as for any channel");
        assertEquals(-1, stream.read(ByteBuffer.allocate(1)));
        assertThrows(IllegalArgumentException.class, () -> stream.position(-1));
        assertEquals(SIZE, stream.size(), "the size never changes");
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, fileBytes(100, 5));
        assertEquals(9, fileBytes(100 + SIZE - 1, 1)[0]);
        assertEquals(0, fileBytes(100 + SIZE, 1)[0], "nothing past the view");
    }

    @Test
    void truncateIsRefused() throws IOException {
        assertThrows(UnsupportedOperationException.class, () -> stream.truncate(10));
        assertThrows(UnsupportedOperationException.class, () -> stream.truncate(SIZE));
        assertEquals(SIZE, stream.size());
    }

    @Test
    void inputAndOutputStreamsShareThePosition() throws IOException {
        OutputStream out = stream.asOutputStream();
        out.write(7);
        out.write(new byte[] {8, 9, 10}, 1, 2);
        assertEquals(3, stream.position());
        out.flush();
        stream.position(0);
        InputStream in = stream.asInputStream();
        assertEquals(7, in.read());
        byte[] two = new byte[2];
        assertEquals(2, in.read(two, 0, 2));
        assertArrayEquals(new byte[] {9, 10}, two);
        assertEquals(SIZE - 3, in.available());
        assertEquals(10, in.skip(10));
        assertEquals(13, stream.position());
        assertEquals(SIZE - 13, in.skip(1000));
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(two, 0, 2));
        assertEquals(0, in.read(two, 0, 0));
        assertEquals(0, in.available());
        assertThrows(IndexOutOfBoundsException.class, () -> in.read(two, 1, 2));
        stream.position(SIZE - 1);
        assertThrows(IOException.class, () -> out.write(new byte[2], 0, 2), "an output stream cannot pass the end");
        assertEquals(SIZE - 1, stream.position(), "a refused write moves nothing");
        out.write(1);
        assertThrows(IOException.class, () -> out.write(1));
        in.close();
        out.close();
        assertTrue(stream.isOpen(), "closing the adapters closes nothing");
        stream.position(0);
        assertEquals(7, stream.asInputStream().readAllBytes()[0]);
    }

    @Test
    void typedValuesAreLittleEndian() throws IOException {
        stream.writeByte((byte) -1).writeShort((short) 0x0102).writeChar('é').writeInt(0x03040506)
                .writeLong(0x0708090A0B0C0D0EL).writeFloat(1.5f).writeDouble(-2.25).writeBoolean(true).writeBoolean(false);
        assertEquals(1 + 2 + 2 + 4 + 8 + 4 + 8 + 1 + 1, stream.position());
        ByteBuffer raw = ByteBuffer.wrap(fileBytes(100, 31)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-1, raw.get());
        assertEquals(0x0102, raw.getShort());
        assertEquals('é', raw.getChar());
        assertEquals(0x03040506, raw.getInt());
        assertEquals(0x0708090A0B0C0D0EL, raw.getLong());
        assertEquals(1.5f, raw.getFloat());
        assertEquals(-2.25, raw.getDouble());
        assertEquals(1, raw.get());
        assertEquals(0, raw.get());
        stream.position(0);
        assertEquals(-1, stream.readByte());
        assertEquals(0x0102, stream.readShort());
        assertEquals('é', stream.readChar());
        assertEquals(0x03040506, stream.readInt());
        assertEquals(0x0708090A0B0C0D0EL, stream.readLong());
        assertEquals(1.5f, stream.readFloat());
        assertEquals(-2.25, stream.readDouble());
        assertTrue(stream.readBoolean());
        assertFalse(stream.readBoolean());
    }

    @Test
    void stringsAreDotNetBinaryWriterStrings() throws IOException {
        // .NET: new BinaryWriter(s).Write("seven") writes 05 73 65 76 65 6E
        stream.writeString("seven");
        assertEquals("0573657665" + "6e", HexFormat.of().formatHex(fileBytes(100, 6)));
        stream.writeString("");
        stream.writeString("ü€");
        assertEquals("00" + "05c3bce282ac", HexFormat.of().formatHex(fileBytes(106, 7)));
        stream.position(0);
        assertEquals("seven", stream.readString());
        assertEquals("", stream.readString());
        assertEquals("ü€", stream.readString());
    }

    @Test
    void longStringLengthsUseSevenBitGroups() throws IOException {
        try (MemoryMappedViewStream big = map.createViewStream(0, 0)) {
            String s200 = "x".repeat(200);
            big.writeString(s200);
            assertEquals("c801", HexFormat.of().formatHex(fileBytes(0, 2)), "200 = 0xC8 0x01");
            big.position(0);
            assertEquals(s200, big.readString());
            assertEquals(202, big.position());
            big.position(0).writeByte((byte) 0x80).writeByte((byte) 0x80).writeByte((byte) 0x01); // 16384, too long
            big.position(0);
            assertThrows(EOFException.class, big::readString);
            assertEquals(0, big.position(), "a failed string read consumes nothing");
            byte[] bad = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x01};
            big.position(0).write(ByteBuffer.wrap(bad));
            big.position(0);
            assertThrows(IOException.class, big::readString, "a prefix of more than 5 bytes is corrupt");
            assertEquals(0, big.position());
        }
    }

    @Test
    void typedReadsPastTheEndThrowEofAndConsumeNothing() throws IOException {
        stream.position(SIZE - 3);
        assertThrows(EOFException.class, stream::readInt);
        assertThrows(EOFException.class, stream::readLong);
        assertThrows(EOFException.class, stream::readDouble);
        assertEquals(SIZE - 3, stream.position());
        stream.readShort();
        stream.readByte();
        assertThrows(EOFException.class, stream::readByte);
        assertThrows(EOFException.class, stream::readBoolean);
        assertThrows(EOFException.class, stream::readChar);
        assertThrows(EOFException.class, stream::readString);
        stream.position(SIZE + 100);
        assertThrows(EOFException.class, stream::readByte);
    }

    @Test
    void typedWritesPastTheEndOverflowAndWriteNothing() throws IOException {
        stream.position(SIZE - 3);
        assertThrows(BufferOverflowException.class, () -> stream.writeInt(-1));
        assertThrows(BufferOverflowException.class, () -> stream.writeLong(-1));
        assertThrows(BufferOverflowException.class, () -> stream.writeString("four"));
        assertEquals(SIZE - 3, stream.position());
        assertArrayEquals(new byte[3], fileBytes(100 + SIZE - 3, 3), "a refused write wrote nothing");
        stream.writeShort((short) 1).writeByte((byte) 2);
        assertThrows(BufferOverflowException.class, () -> stream.writeByte((byte) 3));
        assertThrows(BufferOverflowException.class, () -> stream.writeBoolean(true));
    }

    @Test
    void aStringOfUtf8BytesMatchesJava() throws IOException {
        String text = "mmf4j — 日本語 🙂";
        stream.writeString(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertEquals(utf8.length, fileBytes(100, 1)[0]);
        assertArrayEquals(utf8, fileBytes(101, utf8.length));
    }
}
