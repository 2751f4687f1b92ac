package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** VirtualMemory.walk() against regions this test makes and against another real process. */
class WalkTest {
    private static final long PAGE = VirtualMemory.pageSize();

    @Test
    void walkSeesReservedAndCommittedRegionsWithTheirSizes() throws IOException {
        try (Region region = VirtualMemory.reserve(64 * PAGE)) {
            region.commit(0, 16 * PAGE, Protection.READ_ONLY);
            region.commit(16 * PAGE, 16 * PAGE, Protection.READ_WRITE);
            region.segment(16 * PAGE, 16 * PAGE).fill((byte) 1);
            List<MemoryArea> areas = VirtualMemory.walk();
            MemoryArea written = covering(areas, region.address() + 16 * PAGE);
            assertEquals(PageState.COMMITTED, written.state());
            assertEquals(Protection.READ_WRITE, written.protection());
            assertEquals(RegionType.PRIVATE_DATA, written.type());
            assertTrue(written.resident() >= 16 * PAGE && written.privateDirty() >= 16 * PAGE, written.toString());
            MemoryArea readOnly = covering(areas, region.address());
            assertEquals(Protection.READ_ONLY, readOnly.protection());
            MemoryArea reserved = covering(areas, region.address() + 40 * PAGE);
            assertEquals(PageState.RESERVED, reserved.state());
            assertEquals(Protection.NO_ACCESS, reserved.protection());
            assertTrue(reserved.path().isEmpty());
            for (int i = 1; i < areas.size(); i++) {
                // unsigned: [vsyscall] sits at 0xffffffffff600000, a negative long
                assertTrue(Long.compareUnsigned(areas.get(i - 1).end(), areas.get(i).start()) <= 0,
                        "areas in address order, not overlapping: " + areas.get(i - 1) + " " + areas.get(i));
            }
        }
    }

    @Test
    void walkClassifiesImagesStacksAndFiles() throws IOException {
        List<MemoryArea> areas = VirtualMemory.walk();
        assertTrue(areas.stream().anyMatch(a -> a.type() == RegionType.IMAGE
                && a.path().orElse("").contains("libjvm.so") && a.protection().canExecute()), "libjvm.so image");
        assertTrue(areas.stream().anyMatch(a -> a.type() == RegionType.STACK), "the main stack");
        assertTrue(areas.stream().anyMatch(a -> a.type() == RegionType.MAPPED_FILE
                && a.path().orElse("").endsWith("/modules")), "the jimage file is mapped, not an image");
    }

    @Test
    void walkOfAnotherProcessByPid() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            List<MemoryArea> areas = VirtualMemory.walk(sleeper.pid());
            assertTrue(areas.stream().anyMatch(a -> a.type() == RegionType.IMAGE
                    && a.path().orElse("").endsWith("/sleep")), areas.toString());
        } finally {
            sleeper.destroyForcibly();
            sleeper.waitFor(10, TimeUnit.SECONDS);
        }
        long gone = sleeper.pid();
        assertThrows(NoSuchFileException.class, () -> VirtualMemory.walk(gone));
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.walk(0));
    }

    @Test
    void queryOfAnyAddressSeesRegionsAndFreeGaps() throws IOException {
        Region region = VirtualMemory.reserve(8 * PAGE);
        region.commit(0, 2 * PAGE, Protection.READ_WRITE);
        RegionInfo committed = VirtualMemory.query(region.address() + 5);
        assertEquals(PageState.COMMITTED, committed.state());
        assertEquals(Protection.READ_WRITE, committed.protection());
        assertTrue(committed.address() <= region.address()
                && region.address() + 2 * PAGE <= committed.address() + committed.size(), committed.toString());
        assertEquals(PageState.RESERVED, VirtualMemory.query(region.address() + 5 * PAGE).state());
        long address = region.address();
        region.close();
        RegionInfo free = VirtualMemory.query(address + 3 * PAGE);
        assertEquals(PageState.FREE, free.state());
        assertTrue(free.address() <= address && address + 8 * PAGE <= free.address() + free.size(), free.toString());
        assertEquals(PageState.FREE, VirtualMemory.query(0).state()); // page zero is never mapped
        assertThrows(IllegalArgumentException.class, () -> VirtualMemory.query(-1));
    }

    private static MemoryArea covering(List<MemoryArea> areas, long address) {
        return areas.stream().filter(a -> a.start() <= address && address < a.end()).findFirst()
                .orElseThrow(() -> new AssertionError("no area covers 0x" + Long.toHexString(address)));
    }
}
