package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.platform.Platform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * residency(), prefetch() and evict() on a view: page-by-page residency as mincore reports it, eviction drops a
 * file's pages from the page cache (even pages this process never touched) without losing a byte, and
 * prefetch or a touch brings them back. The files live on a disk file system: tmpfs pages cannot be evicted.
 */
class ViewResidencyTest {
    private static final long PAGE = Platform.current().mappings().pageSize();
    private static final int PAGES = 64;

    @Test
    void residencyHasOneEntryPerPageOfTheView(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pages.bin");
        Files.write(file, new byte[(int) (PAGES * PAGE)]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor whole = map.createViewAccessor();
             MemoryMappedViewAccessor straddling = map.createViewAccessor(PAGE - 1, 2, MemoryMappedFileAccess.READ)) {
            assertEquals(PAGES, whole.residency().length);
            assertEquals(2, straddling.residency().length, "a 2-byte view across a page boundary spans two pages");
        }
    }

    @Test
    void evictDropsCachedPagesAndTouchBringsThemBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cached.bin");
        byte[] content = new byte[(int) (PAGES * PAGE)];
        new Random(42).nextBytes(content);
        Files.write(file, content); // written through the page cache: every page is resident now
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            // write() left dirty pages, which the cache drops only once written back: evict must do that itself
            assertTrue(count(view.residency()) > 0, "a freshly written file is cached");
            view.evict();
            assertEquals(0, count(view.residency()), "evict left pages resident");

            byte[] back = new byte[content.length];
            view.readArray(0, back, 0, back.length); // the touch faults every page back in
            assertArrayEquals(content, back, "eviction lost data");
            assertEquals(PAGES, count(view.residency()));

            view.evict();
            view.prefetch();
            // WILLNEED starts read-ahead; it need not have finished, so only check that reads still agree
            view.readArray(0, back, 0, back.length);
            assertArrayEquals(content, back);
        }
    }

    @Test
    void evictWritesBackWhatTheViewWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dirty.bin");
        Files.write(file, new byte[(int) (4 * PAGE)]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putLong(PAGE + 8, 0x1234_5678_9ABC_DEF0L);
            view.evict();
            assertEquals(0x1234_5678_9ABC_DEF0L, view.getLong(PAGE + 8));
        }
        assertEquals(0x1234_5678_9ABC_DEF0L,
                java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong((int) PAGE + 8));
    }

    @Test
    void copyOnWriteViewKeepsItsPrivateChangesAcrossEvict(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("private.bin");
        Files.write(file, new byte[(int) (2 * PAGE)]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putInt(16, 77);
            view.evict();
            assertEquals(77, view.getInt(16), "a copy-on-write page lost its private change");
        }
        assertEquals(0, Files.readAllBytes(file)[16]);
    }

    @Test
    void closedViewRefusesResidencyPrefetchAndEvict(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("closed.bin");
        Files.write(file, new byte[(int) PAGE]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            MemoryMappedViewAccessor view = map.createViewAccessor();
            view.close();
            assertThrows(IllegalStateException.class, view::residency);
            assertThrows(IllegalStateException.class, view::prefetch);
            assertThrows(IllegalStateException.class, view::evict);
        }
    }

    private static int count(boolean[] pages) {
        int n = 0;
        for (boolean page : pages) {
            n += page ? 1 : 0;
        }
        return n;
    }
}
