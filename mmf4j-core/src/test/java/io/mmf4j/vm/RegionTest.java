package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** The rules of commit, decommit, protect, query and release, one test each, on real memory. */
class RegionTest {
    private static final long PAGE = VirtualMemory.pageSize();

    @Test
    void pageSizeAndGranularityArePowersOfTwo() {
        assertEquals(1, Long.bitCount(PAGE));
        assertEquals(1, Long.bitCount(VirtualMemory.allocationGranularity()));
        assertTrue(VirtualMemory.allocationGranularity() >= PAGE);
    }

    @Test
    void reserveRoundsUpAndStartsAllReserved() throws IOException {
        try (Region region = VirtualMemory.reserve(1)) {
            assertEquals(VirtualMemory.allocationGranularity(), region.size());
            RegionInfo info = region.query(0);
            assertEquals(new RegionInfo(region.address(), region.address(), 0, region.size(), PageState.RESERVED,
                    Protection.NO_ACCESS, false), info);
        }
    }

    @Test
    void reserveHonoursAlignment() throws IOException {
        long alignment = 2L << 20;
        try (Region region = VirtualMemory.reserve(3 * PAGE, alignment)) {
            assertEquals(0, region.address() % alignment);
            assertEquals(3 * PAGE, region.size());
        }
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(PAGE, 3 * PAGE));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(PAGE, 0));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(PAGE, 1L << 62));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(Long.MAX_VALUE - PAGE, 1L << 21));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(0));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserve(Long.MAX_VALUE));
    }

    @Test
    void reservedPagesGiveNoSegment() throws IOException {
        try (Region region = VirtualMemory.reserve(4 * PAGE)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> region.segment(0, 8));
            assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        }
    }

    @Test
    void contentIsKeptAcrossProtectAndRecommit() throws IOException {
        try (Region region = VirtualMemory.reserve(4 * PAGE)) {
            region.commit(0, 2 * PAGE, Protection.READ_WRITE);
            region.segment(0, 2 * PAGE).fill((byte) 0x5A);
            assertEquals(Protection.READ_WRITE, region.protect(0, 2 * PAGE, Protection.READ_ONLY));
            MemorySegment readOnly = region.segment(0, 2 * PAGE);
            assertTrue(readOnly.isReadOnly());
            assertThrows(IllegalArgumentException.class, () -> readOnly.set(ValueLayout.JAVA_BYTE, 0, (byte) 1));
            assertEquals((byte) 0x5A, readOnly.get(ValueLayout.JAVA_BYTE, 2 * PAGE - 1));
            assertEquals(Protection.READ_ONLY, region.protect(0, 2 * PAGE, Protection.READ_WRITE));
            region.commit(0, 4 * PAGE, Protection.READ_WRITE); // over committed and reserved pages at once
            MemorySegment all = region.segment(0, 4 * PAGE);
            assertEquals((byte) 0x5A, all.get(ValueLayout.JAVA_BYTE, 0));
            assertEquals((byte) 0x5A, all.get(ValueLayout.JAVA_BYTE, 2 * PAGE - 1));
            assertEquals((byte) 0, all.get(ValueLayout.JAVA_BYTE, 2 * PAGE)); // newly committed: zero
        }
    }

    @Test
    void decommittedPagesReadZeroWhenCommittedAgain() throws IOException {
        try (Region region = VirtualMemory.allocate(2 * PAGE, Protection.READ_WRITE)) {
            region.segment(0, 2 * PAGE).fill((byte) 7);
            region.decommit(PAGE, 1); // one byte names its whole page
            assertEquals(PageState.RESERVED, region.query(PAGE).state());
            region.commit(PAGE, PAGE, Protection.READ_WRITE);
            MemorySegment all = region.segment(0, 2 * PAGE);
            assertEquals((byte) 7, all.get(ValueLayout.JAVA_BYTE, PAGE - 1));
            assertEquals(-1, all.asSlice(PAGE).mismatch(MemorySegment.ofArray(new byte[(int) PAGE])));
        }
    }

    @Test
    void decommitReturnsTheMemory() throws IOException {
        long size = 64L << 20;
        try (Region region = VirtualMemory.allocate(size, Protection.READ_WRITE)) {
            region.segment(0, size).fill((byte) 1);
            long before = ProcMemory.resident(region);
            long statmBefore = ProcMemory.statmResident();
            region.decommit(0, size);
            long after = ProcMemory.resident(region);
            long statmAfter = ProcMemory.statmResident();
            assertTrue(before >= size * 9 / 10, "resident before decommit " + before);
            assertTrue(after < size / 100, "resident after decommit " + after);
            assertTrue(statmBefore - statmAfter > size / 2, "statm resident " + statmBefore + " -> " + statmAfter);
        }
    }

    @Test
    void queryMergesAndSplitsRuns() throws IOException {
        try (Region region = VirtualMemory.reserve(16 * PAGE)) {
            region.commit(4 * PAGE, 4 * PAGE, Protection.READ_WRITE);
            assertRun(region, 0, 0, 4, PageState.RESERVED, Protection.NO_ACCESS);
            assertRun(region, 5, 4, 4, PageState.COMMITTED, Protection.READ_WRITE);
            assertRun(region, 8, 8, 8, PageState.RESERVED, Protection.NO_ACCESS);
            region.commit(8 * PAGE, 4 * PAGE, Protection.READ_WRITE);
            assertRun(region, 4, 4, 8, PageState.COMMITTED, Protection.READ_WRITE); // merged
            region.protect(6 * PAGE, PAGE, Protection.READ_ONLY);
            assertRun(region, 4, 4, 2, PageState.COMMITTED, Protection.READ_WRITE); // split in three
            assertRun(region, 6, 6, 1, PageState.COMMITTED, Protection.READ_ONLY);
            assertRun(region, 11, 7, 5, PageState.COMMITTED, Protection.READ_WRITE);
            region.protect(6 * PAGE, PAGE, Protection.READ_WRITE);
            assertRun(region, 11, 4, 8, PageState.COMMITTED, Protection.READ_WRITE); // merged again
            region.decommit(0, 16 * PAGE);
            assertRun(region, 15, 0, 16, PageState.RESERVED, Protection.NO_ACCESS);
        }
    }

    private static void assertRun(Region region, long page, long start, long pages, PageState state, Protection p) {
        RegionInfo info = region.query(page * PAGE + 17);
        assertEquals(new RegionInfo(region.address(), region.address() + start * PAGE, start * PAGE, pages * PAGE,
                state, p, false), info);
    }

    @Test
    void reserveAtATakenRangeFailsAndLeavesItIntact() throws IOException {
        try (Region taken = VirtualMemory.allocate(4 * PAGE, Protection.READ_WRITE)) {
            taken.segment(0, 4 * PAGE).fill((byte) 3);
            IOException inUse = assertThrows(IOException.class, () -> VirtualMemory.reserveAt(taken.address(), PAGE));
            assertTrue(inUse.getMessage().contains(Long.toHexString(taken.address())), inUse.getMessage());
            assertThrows(IOException.class, () -> VirtualMemory.reserveAt(taken.address() + 3 * PAGE, 4 * PAGE));
            assertThrows(IOException.class, () -> VirtualMemory.reserveAt(taken.address() - PAGE, 2 * PAGE));
            assertEquals(PageState.COMMITTED, taken.query(0).state());
            assertEquals(4 * PAGE, taken.query(0).size());
            MemorySegment all = taken.segment(0, 4 * PAGE);
            for (long i = 0; i < 4 * PAGE; i += PAGE / 2) {
                assertEquals((byte) 3, all.get(ValueLayout.JAVA_BYTE, i));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.reserveAt(PAGE + 1, PAGE));
    }

    @Test
    void reserveAtAFreeRangeGetsExactlyIt() throws IOException {
        long address;
        try (Region probe = VirtualMemory.reserve(8 * PAGE)) {
            address = probe.address(); // free again once the probe is closed
        }
        try (Region region = VirtualMemory.reserveAt(address + PAGE, 2 * PAGE)) {
            assertEquals(address + PAGE, region.address());
            assertEquals(PageState.RESERVED, region.query(0).state());
        }
    }

    @Test
    void partialReleaseIsRefused() throws IOException {
        Region region = VirtualMemory.allocate(4 * PAGE, Protection.READ_WRITE);
        region.segment(0, 8).set(ValueLayout.JAVA_LONG, 0, 99);
        assertThrows(IllegalArgumentException.class, () -> region.release(PAGE, PAGE));
        assertThrows(IllegalArgumentException.class, () -> region.release(0, PAGE));
        assertTrue(region.isOpen());
        assertEquals(99, region.segment(0, 8).get(ValueLayout.JAVA_LONG, 0));
        region.release(0, 0);
        assertFalse(region.isOpen());
        assertThrows(IllegalStateException.class, () -> region.query(0));
    }

    @Test
    void guardPageFiresOnceThenIsOrdinary() throws IOException {
        try (Region region = VirtualMemory.reserve(4 * PAGE)) {
            region.commit(0, 2 * PAGE, Protection.READ_WRITE);
            region.segment(0, 2 * PAGE).fill((byte) 9);
            region.protect(PAGE, PAGE, Protection.READ_WRITE, PageOption.GUARD);
            assertTrue(region.query(PAGE).guard());
            assertEquals(PAGE, region.query(PAGE).size());
            region.segment(0, PAGE); // the page below is not guarded
            GuardPageException fired = assertThrows(GuardPageException.class, () -> region.segment(PAGE - 4, 8));
            assertEquals(PAGE, fired.offset());
            assertFalse(region.query(PAGE).guard());
            assertEquals(2 * PAGE, region.query(0).size()); // one run again
            MemorySegment after = region.segment(PAGE - 4, 8);
            assertEquals((byte) 9, after.get(ValueLayout.JAVA_BYTE, 7)); // content kept under the guard
            region.commit(2 * PAGE, 2 * PAGE, Protection.READ_ONLY, PageOption.GUARD);
            assertThrows(GuardPageException.class, () -> region.segment(2 * PAGE, 2 * PAGE));
            assertThrows(GuardPageException.class, () -> region.segment(2 * PAGE, 2 * PAGE)); // the next guard page
            assertTrue(region.segment(2 * PAGE, 2 * PAGE).isReadOnly());
        }
    }

    @Test
    void changesInvalidateOverlappingSegmentsOnly() throws IOException {
        Region region = VirtualMemory.allocate(8 * PAGE, Protection.READ_WRITE);
        MemorySegment first = region.segment(0, PAGE);
        MemorySegment firstSlice = first.asSlice(8, 8);
        MemorySegment second = region.segment(2 * PAGE, PAGE);
        MemorySegment third = region.segment(4 * PAGE, PAGE);
        MemorySegment fourth = region.segment(6 * PAGE, PAGE);
        region.decommit(0, PAGE);
        assertThrows(IllegalStateException.class, () -> first.get(ValueLayout.JAVA_BYTE, 0));
        assertThrows(IllegalStateException.class, () -> firstSlice.get(ValueLayout.JAVA_BYTE, 0));
        second.set(ValueLayout.JAVA_BYTE, 0, (byte) 1); // other pages: still valid
        region.protect(2 * PAGE, PAGE, Protection.READ_ONLY);
        assertThrows(IllegalStateException.class, () -> second.get(ValueLayout.JAVA_BYTE, 0));
        region.commit(4 * PAGE, PAGE, Protection.READ_WRITE); // no change: the segment stays valid
        third.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
        region.commit(4 * PAGE, PAGE, Protection.EXECUTE_READ); // a change: invalid
        assertThrows(IllegalStateException.class, () -> third.get(ValueLayout.JAVA_BYTE, 0));
        region.close();
        assertThrows(IllegalStateException.class, () -> fourth.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void confinedSegmentsBelongToOneThreadAndBlockOthersChangesWhileItLives() throws Exception {
        try (Region region = VirtualMemory.allocate(4 * PAGE, Protection.READ_WRITE)) {
            MemorySegment mine = region.confinedSegment(0, PAGE);
            mine.set(ValueLayout.JAVA_LONG, 0, 5);
            region.protect(0, PAGE, Protection.READ_ONLY); // this thread owns it: the change goes through
            assertThrows(IllegalStateException.class, () -> mine.get(ValueLayout.JAVA_LONG, 0));
            region.protect(0, PAGE, Protection.READ_WRITE);

            java.util.concurrent.CountDownLatch leased = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            MemorySegment[] theirs = new MemorySegment[1];
            Thread owner = new Thread(() -> {
                try {
                    theirs[0] = region.confinedSegment(PAGE, PAGE);
                    theirs[0].set(ValueLayout.JAVA_LONG, 0, 6);
                    leased.countDown();
                    release.await();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "owner");
            owner.start();
            leased.await();
            assertThrows(WrongThreadException.class, () -> theirs[0].get(ValueLayout.JAVA_LONG, 0));
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> region.decommit(0, 2 * PAGE));
            assertTrue(refused.getMessage().contains("owner"), refused.getMessage());
            assertEquals(PageState.COMMITTED, region.query(PAGE).state()); // nothing changed, page 0 included
            assertEquals(5, region.segment(0, 8).get(ValueLayout.JAVA_LONG, 0));
            release.countDown();
            owner.join();
            region.decommit(0, 2 * PAGE); // the owner has ended: nobody can reach its segment any more
            assertEquals(PageState.RESERVED, region.query(PAGE).state());
            assertThrows(WrongThreadException.class, () -> theirs[0].get(ValueLayout.JAVA_LONG, 0));
        }
    }

    @Test
    void inaccessibleProtectionsGiveNoSegment() throws IOException {
        try (Region region = VirtualMemory.allocate(3 * PAGE, Protection.READ_WRITE)) {
            region.protect(0, PAGE, Protection.NO_ACCESS);
            region.protect(PAGE, PAGE, Protection.EXECUTE);
            assertThrows(IllegalStateException.class, () -> region.segment(0, 1));
            assertThrows(IllegalStateException.class, () -> region.segment(PAGE, 1));
            assertThrows(IllegalStateException.class, () -> region.segment(PAGE, 2 * PAGE));
            region.segment(2 * PAGE, PAGE);
        }
    }

    @Test
    void protectOfReservedPagesChangesNothing() throws IOException {
        try (Region region = VirtualMemory.reserve(2 * PAGE)) {
            region.commit(0, PAGE, Protection.READ_WRITE);
            assertThrows(IllegalStateException.class, () -> region.protect(0, 2 * PAGE, Protection.READ_ONLY));
            assertEquals(Protection.READ_WRITE, region.query(0).protection());
            assertEquals(PageState.RESERVED, region.query(PAGE).state());
        }
    }

    @Test
    void badArgumentsAreRefusedByName() throws IOException {
        try (Region region = VirtualMemory.reserve(2 * PAGE)) {
            assertThrows(IndexOutOfBoundsException.class, () -> region.commit(-1, 1, Protection.READ_WRITE));
            assertThrows(IndexOutOfBoundsException.class, () -> region.commit(PAGE, 2 * PAGE, Protection.READ_WRITE));
            assertThrows(IndexOutOfBoundsException.class, () -> region.segment(Long.MAX_VALUE, Long.MAX_VALUE));
            assertThrows(IndexOutOfBoundsException.class, () -> region.query(2 * PAGE));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> region.decommit(0, 0));
            assertTrue(e.getMessage().contains("size"), e.getMessage());
            assertEquals(PageState.RESERVED, region.query(0).state());
        }
    }

    @Test
    void useAfterCloseThrowsAndCloseIsIdempotent() throws IOException {
        Region region = VirtualMemory.allocate(PAGE, Protection.READ_WRITE);
        region.close();
        region.close();
        assertThrows(IllegalStateException.class, () -> region.commit(0, PAGE, Protection.READ_WRITE));
        assertThrows(IllegalStateException.class, () -> region.segment(0, PAGE));
        assertThrows(IllegalStateException.class, () -> region.decommit(0, PAGE));
        assertThrows(IllegalStateException.class, () -> region.protect(0, PAGE, Protection.READ_ONLY));
        assertThrows(IllegalStateException.class, () -> region.lock(0, PAGE));
    }

    @Test
    void repeatedSegmentRequestsShareOneLease() throws IOException {
        try (Region region = VirtualMemory.allocate(2 * PAGE, Protection.READ_WRITE)) {
            MemorySegment a = region.segment(0, PAGE);
            MemorySegment b = region.segment(16, 32);
            assertSame(a.scope(), b.scope());
            byte[] bytes = new byte[16];
            a.asSlice(16, 16).fill((byte) 4);
            MemorySegment.copy(b, ValueLayout.JAVA_BYTE, 0, bytes, 0, 16);
            assertArrayEquals(new byte[] {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, bytes);
        }
    }
}
