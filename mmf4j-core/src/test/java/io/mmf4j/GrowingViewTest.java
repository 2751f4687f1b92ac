package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.mmf4j.vm.VirtualMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MemoryMappedGrowingView}: grows in place, old segments stay valid, no segment over reserved space. */
class GrowingViewTest {
    private static final long PAGE = VirtualMemory.pageSize();
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    @TempDir
    Path dir;

    @Test
    void theViewGrowsInPlaceAndOldSegmentsStayValid() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(dir.resolve("log"), FileMode.CREATE_NEW, null, 100);
             MemoryMappedGrowingView view = map.createGrowingView(10, 1L << 30, RW)) {
            long address = view.address();
            assertEquals(90, view.size());
            MemorySegment first = view.segment();
            assertEquals(90, first.byteSize());
            assertEquals(address, first.address());
            first.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 5);
            assertThrows(IndexOutOfBoundsException.class, () -> first.get(ValueLayout.JAVA_BYTE, 90));

            assertEquals(3 * PAGE, view.ensureSize(3 * PAGE));
            assertEquals(10 + 3 * PAGE, map.capacity());
            MemorySegment second = view.segment();
            assertEquals(address, second.address(), "the base never moves");
            assertEquals(3 * PAGE, second.byteSize());
            assertEquals(5, second.get(ValueLayout.JAVA_LONG_UNALIGNED, 0));
            assertEquals(0, second.get(ValueLayout.JAVA_BYTE, 3 * PAGE - 1));
            second.set(ValueLayout.JAVA_BYTE, 3 * PAGE - 1, (byte) 9);
            assertEquals(5, first.get(ValueLayout.JAVA_LONG_UNALIGNED, 0), "the old segment works on");
            assertEquals(90, first.byteSize());

            map.grow(10 + 64 * PAGE); // growth made through the map: the view maps it on refresh
            assertEquals(3 * PAGE, view.size());
            assertEquals(64 * PAGE, view.refresh());
            assertEquals(64 * PAGE, view.segment().byteSize());
            assertEquals(9, view.segment().get(ValueLayout.JAVA_BYTE, 3 * PAGE - 1));
            assertThrows(IllegalArgumentException.class, () -> view.ensureSize((1L << 30) + 1));
            assertEquals(1, mappingsOf(view), "adjacent pieces of the file merge into one kernel mapping");
        }
    }

    /** How many of this process's mappings hold the view's file bytes (the reservation's rest excluded). */
    private static long mappingsOf(MemoryMappedGrowingView view) throws Exception {
        long start = view.address() - view.address() % PAGE;
        return VirtualMemory.walk().stream()
                .filter(a -> a.start() >= start && a.start() < view.address() + view.size())
                .filter(a -> a.path().isPresent())
                .count();
    }

    @Test
    void closingInvalidatesEverySegment() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(dir.resolve("log"), FileMode.CREATE_NEW, null, PAGE)) {
            MemoryMappedGrowingView view = map.createGrowingView(0, 1 << 20, RW);
            MemorySegment first = view.segment();
            view.ensureSize(2 * PAGE);
            MemorySegment second = view.segment();
            second.set(ValueLayout.JAVA_LONG, PAGE, 3);
            view.close();
            view.close();
            assertThrows(IllegalStateException.class, () -> first.get(ValueLayout.JAVA_BYTE, 0));
            assertThrows(IllegalStateException.class, () -> second.get(ValueLayout.JAVA_BYTE, PAGE));
            assertThrows(IllegalStateException.class, view::segment);
            assertThrows(IllegalStateException.class, view::refresh);
            try (MemoryMappedViewAccessor check = map.createViewAccessor()) {
                assertEquals(3, check.getLong(PAGE), "close flushed to the file");
            }
        }
    }

    @Test
    void aViewPastTheEndWaitsForGrowthAndAReadOnlyViewFollowsIt() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, PAGE);
             MemoryMappedGrowingView reader = map.createGrowingView(2 * PAGE, 16 * PAGE, MemoryMappedFileAccess.READ)) {
            assertEquals(0, reader.size());
            assertEquals(0, reader.segment().byteSize());
            map.grow(3 * PAGE);
            assertEquals(PAGE, reader.refresh());
            assertTrue(reader.segment().isReadOnly());
            assertThrows(UnsupportedOperationException.class, () -> reader.ensureSize(2 * PAGE + 1) );
            map.grow(100 * PAGE);
            assertEquals(16 * PAGE, reader.refresh(), "never past maximumSize");
        }
    }

    @Test
    void badArgumentsAreRefused() throws Exception {
        MemoryMappedFile map = MemoryMappedFile.createNew(null, PAGE);
        {
            assertThrows(IllegalArgumentException.class, () -> map.createGrowingView(-1, PAGE, RW));
            assertThrows(IllegalArgumentException.class, () -> map.createGrowingView(0, 0, RW));
            assertThrows(IllegalArgumentException.class, () -> map.createGrowingView(0, Long.MAX_VALUE, RW));
            assertThrows(NullPointerException.class, () -> map.createGrowingView(0, PAGE, null));
            map.close();
            assertThrows(IllegalStateException.class, () -> map.createGrowingView(0, PAGE, RW));
        }
    }

}
