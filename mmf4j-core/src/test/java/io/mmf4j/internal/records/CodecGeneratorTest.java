package io.mmf4j.internal.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the generated codecs make records: with {@code new} and the constructor (no {@code Unsafe.allocateInstance},
 * whose compiled form tests a JVMTI flag per record) for public records, through a static factory beside the
 * record for others whose lookup may define one, and through the constructor's method handle for the rest; all
 * read and write the same bytes. The constructors note who called them, hidden frames included.
 */
class CodecGeneratorTest {
    private static volatile String caller;

    private static void noteCaller() {
        caller = StackWalker.getInstance(Set.of(StackWalker.Option.SHOW_HIDDEN_FRAMES))
                .walk(frames -> frames.skip(2).findFirst().orElseThrow().getClassName());
    }

    public record Inner(short a, byte b) {
        public Inner {
            noteCaller();
        }
    }

    public record Open(int x, Inner inner, long y) {
        public Open {
            noteCaller();
            if (x < 0) {
                throw new IllegalArgumentException("x must not be negative");
            }
        }
    }

    record Closed(int x, long y) {
        Closed {
            noteCaller();
        }
    }

    private record Hidden(int x, Inner inner) {
        Hidden {
            noteCaller();
        }
    }

    @Test
    void publicRecordsAreMadeByTheCodecItself() {
        RecordLayoutImpl<Open> layout = RecordLayouts.of(null, Open.class, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(layout.byteSize() * 2);
            Open open = new Open(7, new Inner((short) -2, (byte) 9), 1L << 40);
            layout.writeLittle(segment, 0, open);
            layout.writeBig(segment, layout.byteSize(), open);
            assertEquals(open, layout.readLittle(segment, 0));
            assertTrue(caller.startsWith(CodecGenerator.class.getPackageName() + ".Codec"), caller);
            assertEquals(open, layout.readBig(segment, layout.byteSize()));
            assertEquals(0x0009fffe, segment.get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 4) & 0xffffff,
                    "little-endian inner record after x");
            segment.set(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0, -1);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> layout.readLittle(segment, 0));
            assertEquals("x must not be negative", refused.getMessage()); // the compact constructor ran
        }
    }

    @Test
    void otherRecordsAreMadeByAFactoryBesideThem() {
        RecordLayoutImpl<Hidden> layout = RecordLayouts.of(null, Hidden.class, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(layout.byteSize());
            Hidden hidden = new Hidden(5, new Inner((short) 6, (byte) 7));
            layout.writeBig(segment, 0, hidden);
            assertEquals(hidden, layout.readBig(segment, 0));
            assertTrue(caller.startsWith(CodecGeneratorTest.class.getPackageName() + ".RecordFactory"), caller);
        }
    }

    @Test
    void withoutFullPrivilegeTheConstructorsHandleServes() {
        MethodHandles.Lookup noPrivate = MethodHandles.lookup().dropLookupMode(MethodHandles.Lookup.PRIVATE);
        RecordLayoutImpl<Closed> layout = RecordLayouts.of(noPrivate, Closed.class, false);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = arena.allocate(layout.byteSize());
            layout.writeLittle(segment, 0, new Closed(3, 4));
            assertEquals(new Closed(3, 4), layout.readLittle(segment, 0));
            assertFalse(caller.startsWith(CodecGeneratorTest.class.getPackageName() + ".Codec"), caller);
            assertFalse(caller.startsWith(CodecGeneratorTest.class.getPackageName() + ".RecordFactory"), caller);
        }
    }
}
