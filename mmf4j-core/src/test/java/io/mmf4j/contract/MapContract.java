package io.mmf4j.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view and lifecycle contract every map source must keep (Okio's {@code AbstractFileSystemTest} pattern):
 * typed accessor reads and writes, arrays, atomics, streams, unaligned views, several views seeing the same bytes,
 * copy-on-write privacy, read-only refusal, flush, views that outlive their map, and use after close. A subclass
 * says how to make a fresh READ_WRITE map of a capacity ({@link #open}); each source runs the same tests, and the
 * persisted ones run again on the portable backend ({@code -Dmmf4j.platform=jdk}, the {@code jdk-contract}
 * surefire execution).
 */
@SuppressWarnings("try") // views held open by try-with-resources are the point of several tests
public abstract class MapContract {
    protected static final long CAPACITY = 3 * 4096 + 100;

    @TempDir
    protected Path dir;

    /** A fresh map of {@code capacity} bytes, READ_WRITE, zero-filled; the test closes it. */
    protected abstract MemoryMappedFile open(long capacity) throws IOException;

    /** Whether COPY_ON_WRITE views can be made of this source's maps. */
    protected boolean copyOnWrite() {
        return true;
    }

    @Test
    void typedValuesRoundTripAndEveryViewSeesTheSameBytes() throws IOException {
        try (MemoryMappedFile map = open(CAPACITY);
             MemoryMappedViewAccessor a = map.createViewAccessor();
             MemoryMappedViewAccessor b = map.createViewAccessor(4096, 4096)) {
            assertTrue(a.capacity() >= CAPACITY);
            a.putByte(4096, (byte) -7);
            a.putShort(4098, (short) 0x1234);
            a.putChar(4100, 'ж');
            a.putInt(4104, 0xCAFEBABE);
            a.putLong(4112, 0x0102030405060708L);
            a.putFloat(4120, 1.5f);
            a.putDouble(4128, -2.25);
            a.putBoolean(4136, true);
            assertEquals((byte) -7, b.getByte(0));
            assertEquals((short) 0x1234, b.getShort(2));
            assertEquals('ж', b.getChar(4));
            assertEquals(0xCAFEBABE, b.getInt(8));
            assertEquals(0x0102030405060708L, b.getLong(16));
            assertEquals(1.5f, b.getFloat(24));
            assertEquals(-2.25, b.getDouble(32));
            assertTrue(b.getBoolean(40));
            assertEquals(0x08, a.getByte(4112), "little-endian");
        }
    }

    @Test
    void arraysAndAtomics() throws IOException {
        try (MemoryMappedFile map = open(CAPACITY); MemoryMappedViewAccessor view = map.createViewAccessor()) {
            long[] longs = {1, -2, Long.MAX_VALUE};
            view.writeArray(8, longs, 0, 3);
            long[] back = new long[3];
            assertEquals(3, view.readArray(8, back, 0, 3));
            assertArrayEquals(longs, back);
            assertTrue(view.compareAndSetInt(64, 0, 5));
            assertFalse(view.compareAndSetInt(64, 0, 6));
            assertEquals(5, view.getAndAddInt(64, 2));
            assertEquals(7, view.getIntVolatile(64));
            view.putLongRelease(128, 9);
            assertEquals(9, view.getLongAcquire(128));
        }
    }

    @Test
    void anUnalignedViewIsAWindowOfTheMap() throws IOException {
        try (MemoryMappedFile map = open(CAPACITY);
             MemoryMappedViewAccessor whole = map.createViewAccessor();
             MemoryMappedViewAccessor window = map.createViewAccessor(4099, 50)) {
            assertEquals(4099 % 4096, window.pointerOffset());
            assertEquals(50, window.capacity());
            window.putInt(0, 77);
            assertEquals(77, whole.getInt(4099));
            assertThrows(IndexOutOfBoundsException.class, () -> window.getInt(48));
            assertThrows(RuntimeException.class, () -> map.createViewAccessor(CAPACITY - 10, 20));
        }
    }

    @Test
    void streamsWriteReadAndSeek() throws IOException {
        try (MemoryMappedFile map = open(CAPACITY); MemoryMappedViewStream stream = map.createViewStream(0, 4096)) {
            stream.writeInt(42).writeLong(-1).writeString("héllo");
            stream.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            long end = stream.position();
            stream.position(0);
            assertEquals(42, stream.readInt());
            assertEquals(-1, stream.readLong());
            assertEquals("héllo", stream.readString());
            ByteBuffer three = ByteBuffer.allocate(3);
            assertEquals(3, stream.read(three));
            assertArrayEquals(new byte[] {1, 2, 3}, three.array());
            assertEquals(end, stream.position());
            assertEquals(4096, stream.size());
            stream.flush();
        }
    }

    @Test
    void copyOnWriteViewsKeepTheirWritesAndReadOnlyViewsRefuseWrites() throws IOException {
        try (MemoryMappedFile map = open(CAPACITY);
             MemoryMappedViewAccessor shared = map.createViewAccessor();
             MemoryMappedViewAccessor readOnly = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            shared.putInt(0, 1);
            assertFalse(readOnly.canWrite());
            assertThrows(ReadOnlyBufferException.class, () -> readOnly.putInt(0, 2));
            assertEquals(1, readOnly.getInt(0));
            if (copyOnWrite()) {
                try (MemoryMappedViewAccessor mine = map.createViewAccessor(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE)) {
                    mine.putInt(0, 99);
                    assertEquals(99, mine.getInt(0));
                    assertEquals(1, shared.getInt(0), "a copy-on-write write stays private");
                }
            }
        }
    }

    @Test
    void flushAndViewsThatOutliveTheirMap() throws IOException {
        MemoryMappedViewAccessor survivor;
        try (MemoryMappedFile map = open(CAPACITY)) {
            survivor = map.createViewAccessor();
            survivor.putLong(8, 123);
            survivor.flush();
            survivor.flush(0, 16);
        }
        try (survivor) {
            assertEquals(123, survivor.getLong(8), "closing the map does not unmap its views");
            survivor.putLong(8, 124);
        }
        assertThrows(IllegalStateException.class, () -> survivor.getLong(8));
        assertThrows(IllegalStateException.class, () -> survivor.putLong(8, 1));
        survivor.close(); // idempotent
    }

    @Test
    void aClosedMapMakesNoViewsAndCloseIsIdempotent() throws IOException {
        MemoryMappedFile map = open(CAPACITY);
        MemoryMappedViewStream stream = map.createViewStream();
        map.close();
        map.close();
        assertThrows(IllegalStateException.class, map::createViewAccessor);
        stream.writeInt(5);
        stream.close();
        assertThrows(java.nio.channels.ClosedChannelException.class, stream::readInt, "a closed channel, as every channel");
    }
}
