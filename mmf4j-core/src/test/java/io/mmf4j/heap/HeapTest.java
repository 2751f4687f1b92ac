package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every method of {@link Heap}: allocation, free, resize, size, the options, close and the process heap. */
class HeapTest {

    @Test
    void blocksAreExactlyTheirSizeAlignedAndUsable() {
        try (Heap heap = Heap.create(0, 0)) {
            for (long size : new long[] {0, 1, 15, 16, 17, 100, 1024, 1025, 4096, 32768, 32769, 200_000, 3 << 20}) {
                MemorySegment block = heap.allocate(size);
                assertEquals(size, block.byteSize());
                assertEquals(0, block.address() % 16, "aligned to 16: " + size);
                assertEquals(size, heap.sizeOf(block));
                if (size > 0) {
                    block.set(ValueLayout.JAVA_BYTE, size - 1, (byte) 7);
                    block.set(ValueLayout.JAVA_BYTE, 0, (byte) 9);
                }
                assertTrue(heap.validate(block));
            }
            assertTrue(heap.validate());
        }
    }

    @Test
    void alignmentsUpToLargeOnesAreKept() {
        try (Heap heap = Heap.create(0, 1 << 24)) {
            for (long alignment = 1; alignment <= 1 << 16; alignment <<= 1) {
                MemorySegment block = heap.allocate(24, alignment);
                assertEquals(0, block.address() % alignment, "alignment " + alignment);
                assertEquals(24, block.byteSize());
                heap.free(block);
            }
            assertTrue(heap.validate());
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheValue() {
        try (Heap heap = Heap.create(0, 0)) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> heap.allocate(-1)).getMessage()
                    .contains("-1"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> heap.allocate(8, 3)).getMessage()
                    .contains("3"));
            assertThrows(IllegalArgumentException.class, () -> heap.allocate(8, 0));
            assertThrows(IllegalArgumentException.class, () -> heap.reallocate(heap.allocate(8), -5));
        }
        assertThrows(IllegalArgumentException.class, () -> Heap.create(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> Heap.create(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Heap.create(1 << 20, 1 << 16));
    }

    @Test
    @SuppressWarnings("restricted") // block.reinterpret(65): a segment one byte longer than the block
    void freeingAnythingButALiveBlockIsRefusedAndHarmless() {
        try (Heap heap = Heap.create(0, 0); Heap other = Heap.create(0, 0); Arena arena = Arena.ofConfined()) {
            MemorySegment block = heap.allocate(64);
            MemorySegment big = heap.allocate(100_000);
            MemorySegment large = heap.allocate(2 << 20);
            List<MemorySegment> bad = List.of(MemorySegment.NULL, arena.allocate(64, 16), other.allocate(64),
                    block.asSlice(16), block.asSlice(0, 32), big.asSlice(0, 10), large.asSlice(1),
                    MemorySegment.ofArray(new byte[64]), block.reinterpret(65));
            for (MemorySegment segment : bad) {
                assertThrows(IllegalArgumentException.class, () -> heap.free(segment), segment.toString());
                assertThrows(IllegalArgumentException.class, () -> heap.sizeOf(segment));
                assertThrows(IllegalArgumentException.class, () -> heap.reallocate(segment, 8));
                assertFalse(heap.validate(segment));
            }
            for (MemorySegment live : List.of(block, big, large)) {
                heap.free(live);
                assertThrows(IllegalArgumentException.class, () -> heap.free(live), "double free");
                assertFalse(heap.validate(live));
            }
            assertTrue(heap.validate());
            assertEquals(0, heap.summary().allocated());
            MemorySegment a = heap.allocate(64);
            MemorySegment b = heap.allocate(64);
            assertNotEquals(a.address(), b.address(), "a double free never hands one block out twice");
        }
    }

    @Test
    void reallocateKeepsContentsAndMoves() {
        try (Heap heap = Heap.create(0, 0)) {
            MemorySegment block = heap.allocate(40);
            for (int i = 0; i < 40; i++) {
                block.set(ValueLayout.JAVA_BYTE, i, (byte) i);
            }
            MemorySegment same = heap.reallocate(block, 48);
            assertEquals(block.address(), same.address(), "48 bytes fit the 48-byte class in place");
            MemorySegment moved = heap.reallocate(same, 50_000);
            assertEquals(50_000, moved.byteSize());
            for (int i = 0; i < 40; i++) {
                assertEquals((byte) i, moved.get(ValueLayout.JAVA_BYTE, i));
            }
            assertThrows(IllegalArgumentException.class, () -> heap.free(same), "the old block was freed");
            MemorySegment shrunk = heap.reallocate(moved, 10);
            assertEquals(10, heap.sizeOf(shrunk));
            assertEquals((byte) 9, shrunk.get(ValueLayout.JAVA_BYTE, 9));
            MemorySegment huge = heap.reallocate(shrunk, 3 << 20);
            assertEquals((byte) 9, huge.get(ValueLayout.JAVA_BYTE, 9));
            heap.free(huge);
            assertTrue(heap.validate());
            assertEquals(0, heap.summary().allocated());
        }
    }

    @Test
    void reallocateInPlaceNeverMoves() {
        try (Heap heap = Heap.create(0, 0)) {
            MemorySegment small = heap.allocate(20);
            MemorySegment resized = heap.reallocateInPlace(small, 32);
            assertEquals(small.address(), resized.address());
            MemorySegment grown = heap.reallocateInPlace(resized, 4000);
            assertEquals(MemorySegment.NULL, grown, "4000 bytes do not fit a 32-byte slot");
            MemorySegment run = heap.allocate(40_000);
            MemorySegment runGrown = heap.reallocateInPlace(run, 80_000); // the pages after it are free
            assertEquals(run.address(), runGrown.address());
            assertEquals(80_000, heap.sizeOf(runGrown));
            MemorySegment large = heap.allocate(1 << 20);
            assertEquals(large.address(), heap.reallocateInPlace(large, 1000).address());
            assertTrue(heap.validate());
        }
    }

    @Test
    void zeroMemoryZeroesReusedBlocksAndGrownTails() {
        try (Heap heap = Heap.create(0, 0, HeapOption.ZERO_MEMORY)) {
            for (int round = 0; round < 3; round++) {
                MemorySegment block = heap.allocate(100);
                assertEquals(-1, block.mismatch(MemorySegment.ofArray(new byte[100])), "reads zero");
                block.fill((byte) 0x55);
                MemorySegment shrunk = heap.reallocate(block, 10);
                MemorySegment grown = heap.reallocate(shrunk, 100);
                assertEquals((byte) 0x55, grown.get(ValueLayout.JAVA_BYTE, 9));
                assertEquals(0, grown.get(ValueLayout.JAVA_BYTE, 10), "the grown tail reads zero");
                grown.fill((byte) 0x55);
                heap.free(grown);
            }
        }
    }

    @Test
    void aFixedHeapRunsOutWithANamedOutOfMemoryError() {
        try (Heap heap = Heap.create(4096, 1 << 20)) {
            assertEquals(1 << 20, heap.maximumSize());
            OutOfMemoryError tooBig = assertThrows(OutOfMemoryError.class, () -> heap.allocate(2 << 20));
            assertTrue(tooBig.getMessage().contains("2097152") && tooBig.getMessage().contains("largest free"),
                    tooBig.getMessage());
            assertSame(MemorySegment.NULL, heap.tryAllocate(2 << 20));
            assertSame(MemorySegment.NULL, heap.tryAllocate(Long.MAX_VALUE));
            assertThrows(OutOfMemoryError.class, () -> heap.allocate(Long.MAX_VALUE - 8, 1L << 62));
            List<MemorySegment> blocks = new ArrayList<>();
            MemorySegment block;
            while (!(block = heap.tryAllocate(1000)).equals(MemorySegment.NULL)) {
                blocks.add(block);
            }
            assertTrue(blocks.size() > 800, "most of 1 MiB holds 1000-byte blocks: " + blocks.size());
            assertThrows(OutOfMemoryError.class, () -> heap.allocate(1000));
            assertTrue(heap.summary().reserved() <= 1 << 20);
            blocks.forEach(heap::free);
            assertEquals(0, heap.summary().allocated());
            assertTrue(heap.validate());
            heap.free(heap.allocate(900_000)); // the space came back whole
        }
    }

    @Test
    void largeBlocksHaveARegionOfTheirOwnAndGiveItBack() {
        try (Heap heap = Heap.create(0, 0)) {
            assertSame(MemorySegment.NULL, heap.tryAllocate(Long.MAX_VALUE), "more than the address space");
            long before = heap.summary().reserved();
            MemorySegment large = heap.allocate(4 << 20);
            large.fill((byte) 1);
            List<HeapEntry> entries = heap.walk();
            HeapEntry entry = entries.stream().filter(e -> e.kind() == HeapEntryKind.LARGE_BLOCK).findFirst()
                    .orElseThrow();
            assertEquals(large.address(), entry.address());
            assertEquals(4 << 20, entry.size());
            assertTrue(heap.summary().reserved() >= before + (4 << 20));
            heap.free(large);
            assertEquals(before, heap.summary().reserved(), "the region went back whole");
            assertThrows(IllegalStateException.class, () -> large.get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    @Test
    void closeInvalidatesEverySegmentAndRefusesEveryMethod() {
        Heap heap = Heap.create(0, 0);
        MemorySegment small = heap.allocate(16);
        MemorySegment run = heap.allocate(100_000);
        MemorySegment large = heap.allocate(2 << 20);
        MemorySegment freed = heap.allocate(64);
        heap.free(freed);
        heap.close();
        heap.close();
        for (MemorySegment segment : List.of(small, run, large, freed)) {
            assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_BYTE, 0));
            assertThrows(IllegalStateException.class, () -> heap.free(segment));
        }
        assertThrows(IllegalStateException.class, () -> heap.allocate(8));
        assertThrows(IllegalStateException.class, heap::validate);
        assertThrows(IllegalStateException.class, heap::walk);
        assertThrows(IllegalStateException.class, heap::summary);
        assertThrows(IllegalStateException.class, heap::compact);
    }

    @Test
    void aNoSerializeHeapIsConfinedToItsThread() throws Exception {
        try (Heap heap = Heap.create(0, 0, HeapOption.NO_SERIALIZE)) {
            MemorySegment block = heap.allocate(32);
            MemorySegment large = heap.allocate(2 << 20);
            List<Throwable> seen = new ArrayList<>();
            Thread other = new Thread(() -> {
                for (Runnable r : List.<Runnable>of(() -> heap.allocate(8), () -> heap.free(block), heap::walk,
                        () -> block.get(ValueLayout.JAVA_BYTE, 0), () -> large.get(ValueLayout.JAVA_BYTE, 0))) {
                    try {
                        r.run();
                    } catch (Throwable t) {
                        seen.add(t);
                    }
                }
            });
            other.start();
            other.join();
            assertEquals(5, seen.size());
            seen.forEach(t -> assertTrue(t instanceof WrongThreadException, t.toString()));
            heap.free(block);
            heap.free(large);
        }
    }

    @Test
    void theProcessHeapLivesForever() {
        Heap heap = Heap.processHeap();
        assertSame(heap, Heap.processHeap());
        assertEquals(0, heap.maximumSize());
        MemorySegment block = heap.allocateFrom("process heap");
        assertEquals("process heap", block.getString(0));
        heap.free(block);
        assertThrows(UnsupportedOperationException.class, heap::close);
        assertTrue(heap.validate());
    }

    @Test
    void everythingAnAllocatorMakesCanLiveInAHeap() {
        try (Heap heap = Heap.create(0, 0)) {
            MemorySegment text = heap.allocateFrom("héllo");
            MemorySegment ints = heap.allocateFrom(ValueLayout.JAVA_INT, 1, 2, 3);
            MemorySegment longs = heap.allocate(ValueLayout.JAVA_LONG, 100);
            assertEquals("héllo", text.getString(0));
            assertArrayEquals(new int[] {1, 2, 3}, ints.toArray(ValueLayout.JAVA_INT));
            assertEquals(800, longs.byteSize());
            heap.free(ints);
            heap.free(text);
            heap.free(longs);
            assertEquals(0, heap.summary().allocated());
        }
    }
}
