package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every typed access of the accessor at every alignment and in both byte orders, arrays, atomics, records. */
class AccessorTest {
    /** The .NET text's pixel: four shorts, 8 bytes packed. */
    record Color(short r, short g, short b, short a) {}

    record Mixed(byte b, boolean z, char c, short s, int i, long l, float f, double d) {}

    record Boxed(int x, Integer y) {}

    record Empty() {}

    private static final int SIZE = 4096;

    @TempDir
    Path dir;
    private MemoryMappedFile map;

    @BeforeEach
    void map() throws IOException {
        Path file = dir.resolve("accessor.bin");
        Files.write(file, new byte[SIZE]);
        map = MemoryMappedFile.createFromFile(file);
    }

    @AfterEach
    void unmap() {
        map.close();
    }

    /** The bytes at {@code [position, position + n)} as a buffer in {@code order}. */
    private static ByteBuffer bytes(MemoryMappedViewAccessor view, long position, int n, ByteOrder order) {
        byte[] raw = new byte[n];
        for (int i = 0; i < n; i++) {
            raw[i] = view.getByte(position + i);
        }
        return ByteBuffer.wrap(raw).order(order);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 3})
    void everyPrimitiveAtEveryAlignmentInBothOrders(long viewOffset) throws IOException {
        try (MemoryMappedViewAccessor little = map.createViewAccessor(viewOffset, 0)) {
            assertEquals(ByteOrder.LITTLE_ENDIAN, little.order(), "little-endian by default");
            MemoryMappedViewAccessor big = little.withOrder(ByteOrder.BIG_ENDIAN);
            assertEquals(ByteOrder.BIG_ENDIAN, big.order());
            for (MemoryMappedViewAccessor view : new MemoryMappedViewAccessor[] {little, big}) {
                ByteOrder order = view.order();
                for (long p = 0; p < 16; p++) {
                    long at = 64 + p;
                    view.putByte(at, (byte) -7);
                    assertEquals((byte) -7, view.getByte(at));
                    view.putBoolean(at, true);
                    assertTrue(view.getBoolean(at));
                    assertEquals(1, view.getByte(at));
                    view.putBoolean(at, false);
                    assertFalse(view.getBoolean(at));
                    view.putByte(at, (byte) 2);
                    assertTrue(view.getBoolean(at), "any non-zero byte is true");

                    short s = (short) (0x8102 + p);
                    view.putShort(at, s);
                    assertEquals(s, view.getShort(at));
                    assertEquals(s, bytes(view, at, 2, order).getShort());

                    char c = (char) (0xC3A4 + p);
                    view.putChar(at, c);
                    assertEquals(c, view.getChar(at));
                    assertEquals(c, bytes(view, at, 2, order).getChar());

                    int i = 0x8123_4567 + (int) p;
                    view.putInt(at, i);
                    assertEquals(i, view.getInt(at));
                    assertEquals(i, bytes(view, at, 4, order).getInt());

                    long l = 0x8123_4567_89AB_CDEFL + p;
                    view.putLong(at, l);
                    assertEquals(l, view.getLong(at));
                    assertEquals(l, bytes(view, at, 8, order).getLong());

                    float f = -1.25e-3f * (p + 1);
                    view.putFloat(at, f);
                    assertEquals(f, view.getFloat(at));
                    assertEquals(f, bytes(view, at, 4, order).getFloat());
                    view.putFloat(at, Float.NaN);
                    assertTrue(Float.isNaN(view.getFloat(at)));

                    double d = 6.02214076e23 * (p + 1);
                    view.putDouble(at, d);
                    assertEquals(d, view.getDouble(at));
                    assertEquals(d, bytes(view, at, 8, order).getDouble());
                }
            }
            long cap = little.capacity();
            little.putLong(cap - 8, -2);
            assertEquals(-2, little.getLong(cap - 8));
            assertThrows(IndexOutOfBoundsException.class, () -> little.getLong(cap - 7));
            assertThrows(IndexOutOfBoundsException.class, () -> little.putInt(cap - 3, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> little.getShort(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> little.putByte(cap, (byte) 1));
            assertThrows(IndexOutOfBoundsException.class, () -> big.getDouble(Long.MAX_VALUE));
            assertEquals(-2, little.getLong(cap - 8), "a refused write changed nothing");
            assertThrows(NullPointerException.class, () -> little.withOrder(null));
        }
    }

    @Test
    void arraysOfEveryPrimitiveTypeInBothOrders() throws IOException {
        try (MemoryMappedViewAccessor little = map.createViewAccessor(1, 0)) {
            for (MemoryMappedViewAccessor view : new MemoryMappedViewAccessor[] {little, little.withOrder(ByteOrder.BIG_ENDIAN)}) {
                ByteOrder order = view.order();
                long at = 13; // odd: arrays need no alignment
                byte[] b = {1, -2, 3, -4, 5};
                view.writeArray(at, b, 1, 3);
                byte[] b2 = new byte[5];
                assertEquals(3, view.readArray(at, b2, 2, 3));
                assertArrayEquals(new byte[] {0, 0, -2, 3, -4}, b2);

                short[] s = {1, -2, 300, Short.MIN_VALUE};
                view.writeArray(at, s, 0, 4);
                short[] s2 = new short[4];
                assertEquals(4, view.readArray(at, s2, 0, 4));
                assertArrayEquals(s, s2);
                assertEquals(300, bytes(view, at + 4, 2, order).getShort());

                char[] c = {'a', 'ä', '\uFFFE'};
                view.writeArray(at, c, 0, 3);
                char[] c2 = new char[3];
                view.readArray(at, c2, 0, 3);
                assertArrayEquals(c, c2);
                assertEquals('ä', bytes(view, at + 2, 2, order).getChar());

                int[] i = {7, -8, Integer.MAX_VALUE};
                view.writeArray(at, i, 0, 3);
                int[] i2 = new int[3];
                view.readArray(at, i2, 0, 3);
                assertArrayEquals(i, i2);
                assertEquals(-8, bytes(view, at + 4, 4, order).getInt());
                assertEquals(-8, view.getInt(at + 4));

                long[] l = {Long.MIN_VALUE, 42, -1};
                view.writeArray(at, l, 0, 3);
                long[] l2 = new long[3];
                view.readArray(at, l2, 0, 3);
                assertArrayEquals(l, l2);
                assertEquals(42, bytes(view, at + 8, 8, order).getLong());

                float[] f = {1.5f, -0f, Float.MIN_VALUE};
                view.writeArray(at, f, 0, 3);
                float[] f2 = new float[3];
                view.readArray(at, f2, 0, 3);
                assertArrayEquals(f, f2);
                assertEquals(1.5f, bytes(view, at, 4, order).getFloat());

                double[] d = {Math.PI, -Math.E};
                view.writeArray(at, d, 0, 2);
                double[] d2 = new double[2];
                view.readArray(at, d2, 0, 2);
                assertArrayEquals(d, d2);
                assertEquals(-Math.E, bytes(view, at + 8, 8, order).getDouble());
                assertEquals(-Math.E, view.getDouble(at + 8));
            }
        }
    }

    @Test
    void arrayBoundsAreChecked() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            long cap = view.capacity();
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(0, new byte[4], 2, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(0, new short[4], -1, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(0, new char[4], 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(0, new int[4], 5, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(cap - 8, new long[2], 0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(-4, new float[1], 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.readArray(cap - 15, new double[2], 0, 2));
            view.putLong(cap - 8, 99);
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(cap - 12, new long[] {1, 2}, 0, 2));
            assertEquals(99, view.getLong(cap - 8), "a refused array write wrote nothing");
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(0, new byte[4], 3, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(0, new short[4], 0, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(0, new char[4], -1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(cap, new int[1], 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(0, new float[1], 0, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> view.writeArray(-1, new double[1], 0, 1));
            assertEquals(0, view.readArray(cap, new byte[1], 0, 0), "an empty copy at the end is fine");
        }
    }

    @Test
    void atomicsAndOrderedAccesses() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            assertTrue(view.compareAndSetInt(8, 0, 5));
            assertFalse(view.compareAndSetInt(8, 0, 6));
            assertEquals(5, view.getInt(8));
            assertEquals(5, view.getAndAddInt(8, 10));
            assertEquals(15, view.getAndSetInt(8, -1));
            assertEquals(-1, view.getIntVolatile(8));
            view.putIntVolatile(12, 123);
            assertEquals(123, view.getIntAcquire(12));
            view.putIntRelease(12, 124);
            assertEquals(124, view.getInt(12), "atomics use the native (little-endian) order");

            assertTrue(view.compareAndSetLong(16, 0, 1L << 40));
            assertFalse(view.compareAndSetLong(16, 0, 2));
            assertEquals(1L << 40, view.getAndAddLong(16, 1));
            assertEquals((1L << 40) + 1, view.getAndSetLong(16, 7));
            assertEquals(7, view.getLongVolatile(16));
            view.putLongVolatile(24, -9);
            assertEquals(-9, view.getLongAcquire(24));
            view.putLongRelease(24, -10);
            assertEquals(-10, view.getLong(24));
        }
    }

    @Test
    void misalignedAtomicsAreRefused() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            assertThrows(IllegalArgumentException.class, () -> view.compareAndSetInt(2, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getAndAddInt(1, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getAndSetInt(3, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getIntVolatile(6));
            assertThrows(IllegalArgumentException.class, () -> view.putIntVolatile(5, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getIntAcquire(7));
            assertThrows(IllegalArgumentException.class, () -> view.putIntRelease(9, 1));
            assertThrows(IllegalArgumentException.class, () -> view.compareAndSetLong(4, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getAndAddLong(12, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getAndSetLong(1, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getLongVolatile(2));
            assertThrows(IllegalArgumentException.class, () -> view.putLongVolatile(3, 1));
            assertThrows(IllegalArgumentException.class, () -> view.getLongAcquire(20));
            assertThrows(IllegalArgumentException.class, () -> view.putLongRelease(36, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.getAndAddLong(view.capacity(), 1));
            assertEquals(0, view.getLong(0), "refused atomics wrote nothing");
        }
    }

    @Test
    void atomicsAreAtomicAcrossThreadsAndViews() throws Exception {
        try (MemoryMappedViewAccessor a = map.createViewAccessor(); MemoryMappedViewAccessor b = map.createViewAccessor()) {
            int perThread = 50_000;
            CountDownLatch start = new CountDownLatch(1);
            Thread[] threads = new Thread[4];
            for (int t = 0; t < threads.length; t++) {
                MemoryMappedViewAccessor view = t % 2 == 0 ? a : b;
                threads[t] = Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        view.getAndAddLong(128, 1);
                        int seen;
                        do {
                            seen = view.getIntVolatile(256);
                        } while (!view.compareAndSetInt(256, seen, seen + 1));
                    }
                });
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals((long) perThread * threads.length, a.getLongVolatile(128));
            assertEquals(perThread * threads.length, b.getIntVolatile(256));
        }
    }

    @Test
    void recordsArePackedInDeclarationOrder() throws IOException {
        try (MemoryMappedViewAccessor little = map.createViewAccessor()) {
            assertEquals(8, MemoryMappedViewAccessor.sizeOf(Color.class));
            assertEquals(30, MemoryMappedViewAccessor.sizeOf(Mixed.class));
            for (MemoryMappedViewAccessor view : new MemoryMappedViewAccessor[] {little, little.withOrder(ByteOrder.BIG_ENDIAN)}) {
                ByteOrder order = view.order();
                Color color = new Color((short) 1, (short) -2, (short) 300, Short.MAX_VALUE);
                view.write(101, color);
                assertEquals(color, view.read(101, Color.class));
                ByteBuffer raw = bytes(view, 101, 8, order);
                assertEquals(1, raw.getShort());
                assertEquals(-2, raw.getShort());
                assertEquals(300, raw.getShort());
                assertEquals(Short.MAX_VALUE, raw.getShort());

                Mixed mixed = new Mixed((byte) -3, true, 'ß', (short) -400, 0x1234_5678, -5L << 40, 2.5f, -1e300);
                view.write(203, mixed);
                assertEquals(mixed, view.read(203, Mixed.class));
                ByteBuffer m = bytes(view, 203, 30, order);
                assertEquals(-3, m.get());
                assertEquals(1, m.get());
                assertEquals('ß', m.getChar());
                assertEquals(-400, m.getShort());
                assertEquals(0x1234_5678, m.getInt());
                assertEquals(-5L << 40, m.getLong());
                assertEquals(2.5f, m.getFloat());
                assertEquals(-1e300, m.getDouble());
                assertEquals(mixed.i(), view.getInt(203 + 6), "a record component is where a plain read finds it");
            }
        }
    }

    @Test
    void theCodecIsBuiltOncePerRecordClass() {
        RecordLayout<Color> first = RecordLayout.packed(Color.class);
        assertSame(first, RecordLayout.packed(Color.class));
        assertSame(RecordLayout.packed(Mixed.class), RecordLayout.packed(Mixed.class));
    }

    @Test
    void recordsThatCannotBePackedAreRefused() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            IllegalArgumentException boxed = assertThrows(IllegalArgumentException.class, () -> view.read(0, Boxed.class));
            assertTrue(boxed.getMessage().contains("y"), boxed.getMessage());
            assertThrows(IllegalArgumentException.class, () -> view.write(0, new Boxed(1, 2)));
            assertThrows(IllegalArgumentException.class, () -> MemoryMappedViewAccessor.sizeOf(Boxed.class));
            assertThrows(IllegalArgumentException.class, () -> view.read(0, Empty.class));
            assertEquals(0, view.getInt(0), "a refused record write wrote nothing");
        }
    }

    @Test
    void aRecordIsNeverWrittenInPart() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            long cap = view.capacity();
            view.putLong(cap - 8, 0x0102030405060708L);
            Color color = new Color((short) 9, (short) 9, (short) 9, (short) 9);
            assertThrows(IndexOutOfBoundsException.class, () -> view.write(cap - 7, color));
            assertThrows(IndexOutOfBoundsException.class, () -> view.write(cap - 1, color));
            assertThrows(IndexOutOfBoundsException.class, () -> view.write(-1, color));
            assertEquals(0x0102030405060708L, view.getLong(cap - 8), "part of a record was written");
            assertThrows(IndexOutOfBoundsException.class, () -> view.read(cap - 7, Color.class));
            view.write(cap - 8, color);
            assertEquals(color, view.read(cap - 8, Color.class));
        }
    }
}
