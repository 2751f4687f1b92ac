package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.nio.BufferOverflowException;
import java.nio.ByteOrder;
import java.nio.ReadOnlyBufferException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RecordLayout: both kinds, nested records, arrays, every view kind, both byte orders, and all-or-nothing writes. */
class RecordLayoutTest {
    record Color(short r, short g, short b, short a) {}

    /** Padding after {@code kind}, after {@code color} and at the end when aligned. */
    record Header(byte kind, long stamp, Color color, int count, boolean ok) {}

    record Outer(Header header, char tag) {}

    record Named(int x, String name) {}

    record Loop(int x, Loop next) {}

    record Empty() {}

    private static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class);
    private static final int SIZE = 4096;

    @TempDir
    Path dir;
    private MemoryMappedFile map;

    @BeforeEach
    void map() throws IOException {
        Path file = dir.resolve("records.bin");
        Files.write(file, new byte[SIZE]);
        map = MemoryMappedFile.createFromFile(file);
    }

    @AfterEach
    void unmap() {
        map.close();
    }

    private static Header header(int i) {
        return new Header((byte) i, -1L - i, new Color((short) i, (short) -i, (short) (i * 7), (short) 0x7F00), 1000 + i, i % 2 == 0);
    }

    @Test
    void packedAndAlignedSizesAndOffsets() {
        RecordLayout<Header> packed = RecordLayout.packed(Header.class);
        RecordLayout<Header> aligned = RecordLayout.aligned(Header.class);
        assertEquals(1 + 8 + 8 + 4 + 1, packed.byteSize());
        assertEquals(32, aligned.byteSize()); // kind 0, stamp 8, color 16, count 24, ok 28, size rounded to 8
        assertFalse(packed.isAligned());
        assertTrue(aligned.isAligned());
        assertEquals(8, aligned.layout().byteAlignment());
        assertEquals(1, packed.layout().byteAlignment());
        StructLayout c = MemoryLayout.structLayout(ValueLayout.JAVA_BYTE.withName("kind"), MemoryLayout.paddingLayout(7),
                ValueLayout.JAVA_LONG.withName("stamp"), MemoryLayout.structLayout(ValueLayout.JAVA_SHORT.withName("r"),
                        ValueLayout.JAVA_SHORT.withName("g"), ValueLayout.JAVA_SHORT.withName("b"),
                        ValueLayout.JAVA_SHORT.withName("a")).withName("color"),
                ValueLayout.JAVA_INT.withName("count"), ValueLayout.JAVA_BOOLEAN.withName("ok"), MemoryLayout.paddingLayout(3));
        for (String name : new String[] {"kind", "stamp", "color", "count", "ok"}) {
            MemoryLayout.PathElement element = MemoryLayout.PathElement.groupElement(name);
            assertEquals(c.byteOffset(element), aligned.layout().byteOffset(element), name);
        }
        assertEquals(c.byteSize(), aligned.layout().byteSize());
        assertEquals(17, packed.layout().byteOffset(MemoryLayout.PathElement.groupElement("count")));
        assertSame(aligned, RecordLayout.aligned(Header.class));
        assertSame(packed, RecordLayout.packed(MethodHandles.lookup(), Header.class), "one layout per class and kind");
        assertEquals(MemoryMappedViewAccessor.sizeOf(Header.class), packed.byteSize());
    }

    @Test
    void nestedRecordsRoundTripInBothOrdersAtAnyPosition() throws IOException {
        try (MemoryMappedViewAccessor little = map.createViewAccessor()) {
            for (MemoryMappedViewAccessor view : new MemoryMappedViewAccessor[] {little, little.withOrder(ByteOrder.BIG_ENDIAN)}) {
                for (RecordLayout<Outer> layout : java.util.List.of(RecordLayout.packed(Outer.class), RecordLayout.aligned(Outer.class))) {
                    Outer outer = new Outer(header(3), 'ß');
                    layout.write(view, 101, outer);
                    assertEquals(outer, layout.read(view, 101));
                    long stampAt = 101 + layout.layout().byteOffset(MemoryLayout.PathElement.groupElement("header"),
                            MemoryLayout.PathElement.groupElement("stamp"));
                    assertEquals(-4L, view.getLong(stampAt), "a nested component is where a plain read in the view's order finds it");
                    long tagAt = 101 + layout.layout().byteOffset(MemoryLayout.PathElement.groupElement("tag"));
                    assertEquals('ß', view.getChar(tagAt));
                }
                Outer byClass = new Outer(header(5), 'x');
                view.write(7, byClass);
                assertEquals(byClass, view.read(7, Outer.class));
            }
        }
    }

    @Test
    void theLayoutReadsWhatAnFfmStructLayoutDescribes() {
        RecordLayout<Header> aligned = RecordLayout.aligned(Header.class);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(aligned.layout(), 2);
            var count = aligned.layout().varHandle(MemoryLayout.PathElement.groupElement("count"));
            aligned.write(segment, aligned.byteSize(), header(9));
            assertEquals(1009, (int) count.get(segment, aligned.byteSize()));
            count.set(segment, 0L, 77);
            assertEquals(77, aligned.read(segment, 0).count());
            assertEquals(header(9), aligned.read(segment, aligned.byteSize()));
        }
    }

    @Test
    void booleansReadAnyNonZeroByteAsTrue() throws IOException {
        record Flag(boolean on) {}
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(0, (byte) 0x80);
            assertTrue(view.read(0, Flag.class).on());
            view.write(0, new Flag(true));
            assertEquals(1, view.getByte(0));
        }
    }

    @Test
    void arraysOfRecordsAreAllOrNothing() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            Color[] colors = new Color[10];
            for (int i = 0; i < colors.length; i++) {
                colors[i] = new Color((short) i, (short) (i + 1), (short) (i + 2), (short) (i + 3));
            }
            view.writeArray(3, colors, 2, 8);
            Color[] back = new Color[10];
            assertEquals(8, view.readArray(3, back, 1, 8));
            for (int i = 0; i < 8; i++) {
                assertEquals(colors[i + 2], back[i + 1]);
                assertEquals(colors[i + 2], COLOR.read(view, 3 + 8L * i));
            }
            long cap = view.capacity();
            view.putLong(cap - 16, 0x0102030405060708L);
            assertThrows(IndexOutOfBoundsException.class, () -> COLOR.writeArray(view, cap - 23, colors, 0, 3));
            assertEquals(0x0102030405060708L, view.getLong(cap - 16), "part of an array that does not fit was written");
            assertThrows(IndexOutOfBoundsException.class, () -> COLOR.readArray(view, cap - 23, back, 0, 3));
            assertThrows(IndexOutOfBoundsException.class, () -> COLOR.writeArray(view, 0, colors, 5, 6));
            assertThrows(IndexOutOfBoundsException.class, () -> COLOR.readArray(view, 0, back, 0, Integer.MAX_VALUE));
            Color[] holes = {colors[1], null, colors[3]};
            view.putLong(200, 42);
            assertThrows(NullPointerException.class, () -> COLOR.writeArray(view, 200, holes, 0, 3));
            assertEquals(42, view.getLong(200), "an array with a null element wrote something");
        }
    }

    @Test
    void recordsThatDoNotFitOrCannotBeWrittenWriteNothing() throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            RecordLayout<Outer> outer = RecordLayout.aligned(Outer.class);
            long cap = view.capacity();
            view.putLong(cap - 8, -1L);
            assertThrows(IndexOutOfBoundsException.class, () -> outer.write(view, cap - outer.byteSize() + 1, new Outer(header(1), 'a')));
            assertEquals(-1L, view.getLong(cap - 8));
            assertThrows(NullPointerException.class, () -> outer.write(view, 0, new Outer(null, 'a')));
            assertThrows(NullPointerException.class, () -> outer.write(view, 0, null));
            assertEquals(0, view.getLong(0), "a record with a null component wrote something");
            assertThrows(IndexOutOfBoundsException.class, () -> COLOR.read(view, -1));
        }
        try (MemoryMappedViewAccessor readOnly = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            assertThrows(ReadOnlyBufferException.class, () -> COLOR.write(readOnly, 0, new Color((short) 1, (short) 1, (short) 1, (short) 1)));
            assertThrows(ReadOnlyBufferException.class, () -> readOnly.writeArray(0, new Color[] {new Color((short) 1, (short) 2, (short) 3, (short) 4)}, 0, 1));
            assertEquals(0, readOnly.getLong(0));
        }
        MemoryMappedViewAccessor closed = map.createViewAccessor();
        closed.close();
        assertThrows(IllegalStateException.class, () -> COLOR.read(closed, 0));
        assertThrows(IllegalStateException.class, () -> COLOR.write(closed, 0, new Color((short) 1, (short) 1, (short) 1, (short) 1)));
    }

    @Test
    void recordsOnAStream() throws IOException {
        try (MemoryMappedViewStream stream = map.createViewStream(0, 64)) {
            RecordLayout<Header> aligned = RecordLayout.aligned(Header.class);
            stream.writeRecord(new Color((short) 1, (short) 2, (short) 3, (short) 4));
            aligned.write(stream, header(2));
            assertEquals(8 + 32, stream.position());
            stream.position(0);
            assertEquals(new Color((short) 1, (short) 2, (short) 3, (short) 4), stream.readRecord(Color.class));
            assertEquals(header(2), aligned.read(stream));
            assertThrows(EOFException.class, () -> aligned.read(stream));
            assertEquals(40, stream.position(), "a record that passes the end consumes nothing");
            assertThrows(BufferOverflowException.class, () -> aligned.write(stream, header(1)));
            stream.position(56);
            stream.writeRecord(new Color((short) 9, (short) 9, (short) 9, (short) 9));
            stream.position(0);
            assertEquals(1, stream.readShort(), "stream records are little-endian");
        }
    }

    @Test
    void recordsThatCannotBeLaidOutAreRefusedByName() {
        IllegalArgumentException named = assertThrows(IllegalArgumentException.class, () -> RecordLayout.packed(Named.class));
        assertTrue(named.getMessage().contains("'name'"), named.getMessage());
        IllegalArgumentException loop = assertThrows(IllegalArgumentException.class, () -> RecordLayout.aligned(Loop.class));
        assertTrue(loop.getMessage().contains("contains itself"), loop.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecordLayout.packed(Empty.class));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Record> notARecord = (Class) String.class;
        IllegalArgumentException string = assertThrows(IllegalArgumentException.class, () -> RecordLayout.packed(notARecord));
        assertTrue(string.getMessage().contains("java.lang.String"), string.getMessage());
        assertThrows(NullPointerException.class, () -> RecordLayout.packed(null));
    }

    @Test
    void aPrivateRecordWorksThroughItsOwnersLookup() throws IOException {
        RecordLayout<Secret> layout = RecordLayout.packed(MethodHandles.lookup(), Secret.class);
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            layout.write(view, 0, new Secret(5, 6));
            assertEquals(new Secret(5, 6), view.read(0, Secret.class), "the by-class call finds the layout made with the lookup");
        }
        assertEquals("RecordLayout[packed " + Secret.class.getName() + ", 12 bytes]", layout.toString());
        assertArrayEquals(new String[] {"x", "y"}, layout.layout().memberLayouts().stream()
                .map(m -> m.name().orElseThrow()).toArray(String[]::new));
    }

    private record Secret(int x, long y) {}
}
