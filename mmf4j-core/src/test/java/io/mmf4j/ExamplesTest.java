package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the source texts, exactly as the README shows them. */
class ExamplesTest {
    /** A pixel of the .NET text's large image: four shorts, 8 bytes. */
    record Color(short r, short g, short b, short a) {
        Color brighten(int amount) {
            return new Color(up(r, amount), up(g, amount), up(b, amount), up(a, amount));
        }

        private static short up(short value, int amount) {
            return (short) Math.min(Short.MAX_VALUE, value + amount);
        }
    }

    static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class); // 8 bytes, packed (see records)
    private static final long GIB = 1L << 30;
    private static final long MIB = 1L << 20;
    private static final long VIEW_OFFSET = 256 * MIB;
    private static final long VIEW_SIZE = 512 * MIB;

    /** Pixels are written around and inside the view; the rest of the file is a hole of zeros (keeps the test fast). */
    private static final long WRITTEN_FROM = VIEW_OFFSET - 8 * MIB;
    private static final long WRITTEN_TO = VIEW_OFFSET + VIEW_SIZE + 8 * MIB;

    /** The value at short index {@code i} of the file before the edit: every value from 0 to Short.MAX_VALUE. */
    private static short initial(long i) {
        long at = 2 * i;
        return at >= WRITTEN_FROM && at < WRITTEN_TO ? (short) (i & 0x7FFF) : 0;
    }

    @Test
    void theLargeImageExample(@TempDir Path dir) throws IOException {
        Path image = dir.resolve("image.bin");
        try {
            writeImage(image);
            brighten(image);
            checkImage(image);
        } finally {
            Files.deleteIfExists(image);
        }
    }

    /** The .NET text's example as the README shows it: brighten every pixel of the middle of a 1 GiB image. */
    static void brighten(Path image) throws IOException {
        long offset = 0x1000_0000; // 256 megabytes
        long length = 0x2000_0000; // 512 megabytes
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(image, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor(offset, length)) {
            for (long i = 0; i < length; i += COLOR.byteSize()) {
                Color color = COLOR.read(view, i);
                COLOR.write(view, i, color.brighten(10));
            }
        } // closing the view flushes it to the file
    }

    private static void writeImage(Path image) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect((int) (4 * MIB)).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(1), GIB - 1); // 1 GiB, sparse outside the written band
            for (long at = WRITTEN_FROM; at < WRITTEN_TO; at += chunk.capacity()) {
                chunk.clear();
                for (long i = at / 2; chunk.hasRemaining(); i++) {
                    chunk.putShort(initial(i));
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    channel.write(chunk, at + chunk.position());
                }
            }
        }
    }

    /** Every short of the file, in big array reads: brightened inside the view, untouched outside. */
    private static void checkImage(Path image) throws IOException {
        assertEquals(GIB, Files.size(image));
        short[] shorts = new short[(int) (4 * MIB / 2)];
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(image, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor all = map.createViewAccessor()) {
            for (long at = 0; at < GIB; at += 2L * shorts.length) {
                all.readArray(at, shorts, 0, shorts.length);
                boolean inside = at >= VIEW_OFFSET && at < VIEW_OFFSET + VIEW_SIZE;
                for (int k = 0; k < shorts.length; k += 4) {
                    long index = at / 2 + k;
                    boolean changed = false;
                    for (int c = 0; c < 4; c++) {
                        short before = initial(index + c);
                        short expected = inside ? (short) Math.min(Short.MAX_VALUE, before + 10) : before;
                        if (shorts[k + c] != expected) {
                            assertEquals(expected, shorts[k + c], "short at byte " + 2 * (index + c));
                        }
                        changed |= expected != before;
                    }
                    if (inside != changed) {
                        throw new AssertionError("record at byte " + 2 * index + (inside ? " did not change" : " changed"));
                    }
                }
            }
        }
    }

    @Test
    void theEditOfTheSourceText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("digits.txt");
        Files.writeString(file, "1234567");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(0, (byte) 'T');
        }
        assertEquals("T234567", Files.readString(file));
    }

    @Test
    void theEditWithCopyOnWriteLeavesTheFileUnchanged(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("digits.txt");
        Files.writeString(file, "1234567");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0,
                MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(0, (byte) 'T');
            byte[] seen = new byte[7];
            view.readArray(0, seen, 0, 7);
            assertEquals("T234567", new String(seen, StandardCharsets.US_ASCII), "the view sees its own write");
        }
        assertEquals("1234567", Files.readString(file));
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[7];
            raf.readFully(bytes);
            assertArrayEquals("1234567".getBytes(StandardCharsets.US_ASCII), bytes);
        }
    }
}
