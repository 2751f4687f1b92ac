package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** lock, prefetch, discard and large pages: each does what it says on this kernel, or reports that it did not. */
class MemoryHintsTest {
    private static final long PAGE = VirtualMemory.pageSize();

    @Test
    void lockMakesPagesResidentAndLocked() throws IOException {
        long size = 256 * PAGE;
        try (Region region = VirtualMemory.allocate(size, Protection.READ_WRITE)) {
            assertTrue(ProcMemory.resident(region) < size / 4, "untouched memory is not resident yet");
            try {
                region.lock(0, size);
            } catch (IOException refused) {
                // Over RLIMIT_MEMLOCK without CAP_IPC_LOCK: the refusal names mlock and its errno.
                assertTrue(refused.getMessage().contains("mlock"), refused.getMessage());
                return;
            }
            assertEquals(size, ProcMemory.resident(region));
            assertEquals(size, locked(region));
            region.unlock(0, size);
            assertEquals(0, locked(region));
        }
    }

    @Test
    void lockRefusesPagesThatAreNotAccessible() throws IOException {
        try (Region region = VirtualMemory.reserve(2 * PAGE)) {
            assertThrows(IllegalStateException.class, () -> region.lock(0, PAGE));
            region.commit(0, 2 * PAGE, Protection.READ_WRITE, PageOption.GUARD);
            assertThrows(IllegalStateException.class, () -> region.lock(0, PAGE));
            assertThrows(IllegalStateException.class, () -> region.prefetch(0, PAGE));
        }
    }

    @Test
    void prefetchPopulatesOrSaysItOnlyHinted() throws IOException {
        long size = 512 * PAGE;
        try (Region region = VirtualMemory.allocate(size, Protection.READ_WRITE)) {
            boolean populated = region.prefetch(0, size);
            if (populated) {
                assertEquals(size, ProcMemory.resident(region));
            }
            assertEquals(0, region.segment(0, size).get(ValueLayout.JAVA_LONG, size - 8));
        }
    }

    @Test
    void discardKeepsPagesCommittedAndSegmentsValid() throws IOException {
        long size = 64 * PAGE;
        try (Region region = VirtualMemory.allocate(size, Protection.READ_WRITE)) {
            MemorySegment segment = region.segment(0, size);
            segment.fill((byte) 1);
            region.discard(0, size);
            assertEquals(PageState.COMMITTED, region.query(0).state());
            byte value = segment.get(ValueLayout.JAVA_BYTE, size - 1); // the content, or zero if it was dropped
            assertTrue(value == 1 || value == 0, "discarded page reads " + value);
            segment.set(ValueLayout.JAVA_BYTE, 0, (byte) 2); // writing takes the page back
            assertEquals(2, segment.get(ValueLayout.JAVA_BYTE, 0));
        }
        try (Region region = VirtualMemory.reserve(PAGE)) {
            assertThrows(IllegalStateException.class, () -> region.discard(0, PAGE));
        }
    }

    @Test
    void transparentLargePageAdviceReportsTheKernelsMode() throws IOException {
        Path mode = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean expected = Files.exists(mode) && !Files.readString(mode).contains("[never]");
        long large = VirtualMemory.largePageSize().orElse(2L << 20);
        try (Region region = VirtualMemory.reserve(2 * large, large)) {
            region.commit(0, 2 * large, Protection.READ_WRITE);
            assertEquals(expected, region.adviseLargePages(0, 2 * large));
            region.segment(0, 2 * large).fill((byte) 1);
        }
    }

    @Test
    void explicitLargePagesWorkOrTheRefusalSaysWhatToConfigure() throws IOException {
        Map<String, Long> meminfo = meminfo();
        long free = meminfo.getOrDefault("HugePages_Free", 0L);
        long large = VirtualMemory.largePageSize().orElseThrow();
        if (free < 2) {
            java.util.Set<Long> before = reservationsOf(2 * large, large);
            IOException refused = assertThrows(IOException.class,
                    () -> VirtualMemory.allocateLargePages(2 * large, Protection.READ_WRITE));
            assertTrue(refused.getMessage().contains("vm.nr_hugepages"), refused.getMessage());
            java.util.Set<Long> after = reservationsOf(2 * large, large);
            after.removeAll(before);
            assertTrue(after.isEmpty(), "the failed allocation left its reservation behind at " + after);
            return;
        }
        try (Region region = VirtualMemory.allocateLargePages(large + 1, Protection.READ_WRITE)) {
            assertTrue(region.isLargePages());
            assertEquals(large, region.pageSize());
            assertEquals(2 * large, region.size());
            region.segment(0, region.size()).fill((byte) 5);
            region.decommit(large, large);
            region.commit(large, large, Protection.READ_WRITE);
            assertEquals(0, region.segment(large, 8).get(ValueLayout.JAVA_LONG, 0));
            assertEquals(5, region.segment(0, 1).get(ValueLayout.JAVA_BYTE, 0));
        }
    }

    /** Starts of reserved areas of exactly {@code size} bytes aligned to {@code alignment}. */
    private static java.util.Set<Long> reservationsOf(long size, long alignment) throws IOException {
        return VirtualMemory.walk().stream()
                .filter(a -> a.state() == PageState.RESERVED && a.size() == size && a.start() % alignment == 0)
                .map(MemoryArea::start)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private static long locked(Region region) throws IOException {
        long end = region.address() + region.size();
        return VirtualMemory.walk().stream()
                .filter(a -> a.start() < end && region.address() < a.end())
                .mapToLong(a -> Math.min(a.locked(), Math.min(a.end(), end) - Math.max(a.start(), region.address())))
                .sum();
    }

    private static Map<String, Long> meminfo() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .map(line -> line.split(":\\s+"))
                .collect(Collectors.toMap(p -> p[0], p -> Long.parseLong(p[1].split(" ")[0]), (a, b) -> a));
    }
}
