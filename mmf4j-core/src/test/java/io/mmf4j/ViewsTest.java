package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View geometry and range rules, big views, sharing between views, and copy-on-write privacy. */
class ViewsTest {
    private static final long PAGE = Platform.current().mappings().pageSize();

    @TempDir
    Path dir;

    private Path patterned(int size) throws IOException {
        Path file = dir.resolve("pattern.bin");
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        Files.write(file, bytes);
        return file;
    }

    private static byte patternAt(long i) {
        return (byte) (i * 31 + 7);
    }

    @Test
    void sizeZeroMeansToTheEnd() throws IOException {
        Path file = patterned(3 * 4096 + 5);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            try (MemoryMappedViewAccessor all = map.createViewAccessor()) {
                assertEquals(map.capacity(), all.capacity());
                assertEquals(0, all.offset());
            }
            try (MemoryMappedViewAccessor tail = map.createViewAccessor(100, 0)) {
                assertEquals(map.capacity() - 100, tail.capacity());
                assertEquals(patternAt(map.capacity() - 1), tail.getByte(tail.capacity() - 1));
                assertThrows(IndexOutOfBoundsException.class, () -> tail.getByte(tail.capacity()));
            }
            try (MemoryMappedViewStream stream = map.createViewStream(4097, 0)) {
                assertEquals(map.capacity() - 4097, stream.size());
            }
            try (MemoryMappedViewStream stream = map.createViewStream()) {
                assertEquals(map.capacity(), stream.size());
            }
        }
    }

    @Test
    void anyOffsetMapsFromThePageBelowAndReportsPointerOffset() throws IOException {
        int size = 4 * (int) PAGE;
        Path file = patterned(size);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            long[] offsets = {0, 1, 7, PAGE - 1, PAGE, PAGE + 1, 2 * PAGE + 123, size - 1};
            for (long offset : offsets) {
                try (MemoryMappedViewAccessor view = map.createViewAccessor(offset, 1);
                     MemoryMappedViewStream stream = map.createViewStream(offset, 0)) {
                    assertEquals(offset % PAGE, view.pointerOffset(), "offset " + offset);
                    assertEquals(offset % PAGE, stream.pointerOffset(), "offset " + offset);
                    assertEquals(offset, view.offset());
                    assertEquals(1, view.capacity());
                    assertEquals(patternAt(offset), view.getByte(0), "first byte of a view at " + offset);
                    assertEquals(patternAt(offset), stream.readByte());
                    assertThrows(IndexOutOfBoundsException.class, () -> view.getByte(1));
                    assertThrows(IndexOutOfBoundsException.class, () -> view.getByte(-1));
                    assertEquals(offset % PAGE, view.segment().address() % PAGE);
                }
            }
        }
    }

    @Test
    void rangesPastTheCapacityNegativesAndWiderAccessAreRefused() throws IOException {
        Path file = patterned(10_000);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ)) {
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(-1, 10));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, -1));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(10_000, 0), "empty view at the end");
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(10_001, 0));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(9_000, 1_001));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(1, Long.MAX_VALUE));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(Long.MAX_VALUE, 1));
            assertThrows(IllegalArgumentException.class, () -> map.createViewStream(-5, 0));
            assertThrows(IllegalArgumentException.class, () -> map.createViewStream(0, 10_001));
            for (MemoryMappedFileAccess wider : new MemoryMappedFileAccess[] {MemoryMappedFileAccess.READ_WRITE,
                    MemoryMappedFileAccess.WRITE, MemoryMappedFileAccess.READ_EXECUTE, MemoryMappedFileAccess.READ_WRITE_EXECUTE}) {
                assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, 0, wider), wider.name());
                assertThrows(IllegalArgumentException.class, () -> map.createViewStream(0, 0, wider), wider.name());
            }
            try (MemoryMappedViewAccessor exact = map.createViewAccessor(9_000, 1_000);
                 MemoryMappedViewAccessor cow = map.createViewAccessor(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE)) {
                assertEquals(1_000, exact.capacity());
                assertTrue(cow.canWrite(), "copy-on-write counts as read");
            }
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.COPY_ON_WRITE)) {
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ_WRITE));
            try (MemoryMappedViewAccessor read = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
                assertFalse(read.canWrite());
            }
        }
    }

    @Test
    void aViewAbove2GiBIsOneView() throws IOException {
        Path file = dir.resolve("six-gib.bin");
        long size = 6L << 30;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size); // sparse: no disk space used
        }
        try {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(size, view.capacity());
                assertEquals(size, view.segment().byteSize());
                view.putLong(size - 8, 0x0123_4567_89AB_CDEFL);
                view.putLong(3L << 30, 42); // beyond every int offset
                view.flush(size - 8, 8);
                assertEquals(0x0123_4567_89AB_CDEFL, view.getLong(size - 8));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                channel.read(buffer, size - 8);
                assertEquals(0x0123_4567_89AB_CDEFL, buffer.flip().getLong());
                buffer.clear();
                channel.read(buffer, 3L << 30);
                assertEquals(42, buffer.flip().getLong());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void overlappingViewsSeeEachOthersWritesAtOnce() throws IOException {
        Path file = patterned(3 * (int) PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor a = map.createViewAccessor(0, 0);
             MemoryMappedViewAccessor b = map.createViewAccessor(PAGE + 3, PAGE);
             MemoryMappedViewStream c = map.createViewStream(PAGE, 0)) {
            a.putLong(PAGE + 3, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, b.getLong(0));
            c.position(3);
            assertEquals(0x1122334455667788L, c.readLong());
            b.putInt(100, 77);
            assertEquals(77, a.getInt(PAGE + 103));
            c.position(103).writeInt(78);
            assertEquals(78, a.getInt(PAGE + 103));
            assertEquals(78, b.getInt(100));
        }
    }

    @Test
    void copyOnWriteWritesStayInTheView() throws IOException {
        Path file = patterned(2 * (int) PAGE);
        byte[] before = Files.readAllBytes(file);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor shared = map.createViewAccessor();
             MemoryMappedViewAccessor cow = map.createViewAccessor(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewAccessor otherCow = map.createViewAccessor(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewStream cowStream = map.createViewStream(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE)) {
            assertEquals(MemoryMappedFileAccess.COPY_ON_WRITE, cow.access());
            cow.putInt(8, 0xCAFEBABE);
            assertEquals(0xCAFEBABE, cow.getInt(8));
            assertEquals(patternAt(8), shared.getByte(8), "a shared view does not see a private write");
            assertEquals(patternAt(8), otherCow.getByte(8), "another private view does not see it");
            cowStream.position(8);
            assertEquals(patternAt(8), cowStream.readByte());
            cowStream.position(PAGE).writeLong(-1);
            assertEquals(patternAt(PAGE), shared.getByte(PAGE));
            cow.flush();
            cowStream.flush();
        }
        assertArrayEquals(before, Files.readAllBytes(file), "copy-on-write changed the file");
    }

    @Test
    void writesThroughReadViewsThrow() throws IOException {
        Path file = patterned(4096);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewStream stream = map.createViewStream(0, 0, MemoryMappedFileAccess.READ)) {
            assertThrows(ReadOnlyBufferException.class, () -> view.putByte(0, (byte) 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.putLong(0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.putDouble(0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.writeArray(0, new int[1], 0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.write(0, new AccessorTest.Color((short) 1, (short) 2, (short) 3, (short) 4)));
            assertThrows(ReadOnlyBufferException.class, () -> view.compareAndSetInt(0, 0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.getAndAddLong(0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.putIntRelease(0, 1));
            assertThrows(ReadOnlyBufferException.class, () -> view.withOrder(ByteOrder.BIG_ENDIAN).putShort(0, (short) 1));
            assertThrows(IllegalArgumentException.class, () -> view.segment().set(java.lang.foreign.ValueLayout.JAVA_BYTE, 0, (byte) 1),
                    "the raw segment of a read view is read-only");
            assertThrows(java.nio.channels.NonWritableChannelException.class, () -> stream.writeInt(1));
            assertThrows(java.nio.channels.NonWritableChannelException.class, () -> stream.write(ByteBuffer.allocate(1)));
            assertThrows(java.nio.channels.NonWritableChannelException.class, () -> stream.asOutputStream().write(1));
            view.flush(); // a read view has nothing to flush, and does not fail
        }
        assertEquals(patternAt(0), Files.readAllBytes(file)[0]);
    }
}
