package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.vm.PageState;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.RegionInfo;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Views at a chosen address (MapViewOfFileEx's lpvBase) and views placed inside a reserved Region. */
class PlacedViewTest {
    private static final long PAGE = VirtualMemory.pageSize();
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    @TempDir
    Path dir;

    private MemoryMappedFile map() throws IOException {
        MemoryMappedFile map = MemoryMappedFile.createFromFile(dir.resolve("f"), FileMode.CREATE_NEW, null, 4 * PAGE);
        try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
            for (long i = 0; i < 4 * PAGE; i += 8) {
                view.putLong(i, i);
            }
        }
        return map;
    }

    /** An address range that was free a moment ago (a released reservation). */
    private static long freeRange(long size) throws IOException {
        try (Region probe = VirtualMemory.reserve(size)) {
            return probe.address();
        }
    }

    @Test
    void aViewStartsAtTheAddressAsked() throws Exception {
        try (MemoryMappedFile map = map()) {
            long address = freeRange(4 * PAGE);
            try (MemoryMappedViewAccessor view = map.createViewAccessor(PAGE + 16, 64, RW, address)) {
                assertEquals(16, view.pointerOffset());
                assertEquals(address + 16, view.segment().address());
                assertEquals(PAGE + 16, view.getLong(0));
                view.putLong(8, -1);
            }
            try (MemoryMappedViewStream stream = map.createViewStream(0, PAGE, RW, address)) {
                assertEquals(PAGE, stream.size()); // the address is free again after the view closed
            }
            try (MemoryMappedViewAccessor check = map.createViewAccessor()) {
                assertEquals(-1, check.getLong(PAGE + 24));
            }
        }
    }

    @Test
    void aTakenRangeIsRefusedAndNeverClobbered() throws Exception {
        try (MemoryMappedFile map = map();
             Region taken = VirtualMemory.allocate(2 * PAGE, Protection.READ_WRITE)) {
            MemorySegment bytes = taken.segment(0, 2 * PAGE);
            bytes.set(ValueLayout.JAVA_LONG, PAGE, 1234);
            IOException inUse = assertThrows(IOException.class,
                    () -> map.createViewAccessor(0, 2 * PAGE, RW, taken.address() + PAGE));
            assertTrue(inUse.getMessage().contains("in use"), inUse.getMessage());
            assertEquals(1234, bytes.get(ValueLayout.JAVA_LONG, PAGE), "the existing mapping is untouched");
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, PAGE, RW, taken.address() + 1));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, PAGE, RW, 0L));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, 5 * PAGE, RW, freeRange(PAGE)));
        }
    }

    @Test
    void aViewInARegionTakesItsPagesAndGivesThemBack() throws Exception {
        try (MemoryMappedFile map = map();
             Region region = VirtualMemory.reserve(16 * PAGE)) {
            region.commit(0, PAGE, Protection.READ_WRITE);
            MemorySegment committed = region.segment(0, PAGE);
            MemoryMappedViewAccessor view = map.createViewAccessor(PAGE, 2 * PAGE, RW, region, 4 * PAGE);
            assertEquals(region.address() + 4 * PAGE, view.segment().address());
            assertEquals(PAGE, view.getLong(0));
            RegionInfo info = region.query(4 * PAGE);
            assertEquals(PageState.COMMITTED, info.state());
            assertEquals(Protection.READ_WRITE, info.protection());
            assertEquals(2 * PAGE, info.size());
            assertEquals(PageState.RESERVED, region.query(6 * PAGE).state());
            assertThrows(IllegalStateException.class, () -> region.segment(4 * PAGE, 8));
            assertThrows(IllegalStateException.class, () -> region.commit(3 * PAGE, 2 * PAGE, Protection.READ_WRITE));
            assertThrows(IllegalStateException.class, () -> region.decommit(5 * PAGE, PAGE));
            assertThrows(IllegalStateException.class, () -> region.protect(4 * PAGE, PAGE, Protection.READ_ONLY));
            assertEquals(PageState.RESERVED, region.query(3 * PAGE).state(), "a refused commit changed nothing");
            assertThrows(IllegalStateException.class, () -> map.createViewAccessor(0, PAGE, RW, region, 5 * PAGE),
                    "pages holding a view cannot take another");
            assertThrows(IllegalStateException.class, () -> map.createViewAccessor(0, PAGE, RW, region, 0),
                    "committed pages cannot take a view");
            assertThrows(IndexOutOfBoundsException.class, () -> map.createViewAccessor(0, 2 * PAGE, RW, region, 15 * PAGE));
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, PAGE, RW, region, 100));
            assertThrows(IllegalStateException.class, region::close, "a region holding a view stays open");
            view.putLong(8, 77);
            view.close();

            RegionInfo back = region.query(4 * PAGE);
            assertEquals(PageState.RESERVED, back.state());
            assertEquals(PAGE, back.offset());
            assertEquals(15 * PAGE, back.size(), "one reserved run again");
            assertThrows(IllegalStateException.class, () -> region.segment(4 * PAGE, 8), "no segment covers them");
            assertThrows(IllegalStateException.class, () -> view.segment());
            region.commit(4 * PAGE, PAGE, Protection.READ_WRITE);
            assertEquals(0, region.segment(4 * PAGE, 8).get(ValueLayout.JAVA_LONG, 0), "fresh memory, not the file");
            assertEquals(0, committed.get(ValueLayout.JAVA_LONG, 0), "other segments of the region untouched");
            region.decommit(4 * PAGE, PAGE);
            try (MemoryMappedViewStream stream = map.createViewStream(0, 4 * PAGE, RW, region, 8 * PAGE)) {
                assertEquals(4 * PAGE, stream.size());
            }
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(dir.resolve("f"));
             MemoryMappedViewAccessor check = map.createViewAccessor()) {
            assertEquals(77, check.getLong(PAGE + 8));
        }
    }

    @Test
    void aReadOnlyViewInARegionIsQueriedReadOnly() throws Exception {
        try (MemoryMappedFile map = map();
             Region region = VirtualMemory.reserve(4 * PAGE);
             MemoryMappedViewAccessor view = map.createViewAccessor(0, PAGE, MemoryMappedFileAccess.READ, region, 0)) {
            assertEquals(Protection.READ_ONLY, region.query(0).protection());
            assertEquals(0, view.getLong(0));
            assertThrows(UnsupportedOperationException.class, () -> view.putLong(0, 1));
        }
    }
}
