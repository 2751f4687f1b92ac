package io.mmf4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ReaperWakeUps;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generations of view arenas: an idle current generation is retired (closed) by the reaper, without new views. */
class ViewArenasTest {
    @TempDir
    Path dir;

    @Test
    void anIdleGenerationIsRetiredByTheReaper() throws Exception {
        Path file = dir.resolve("idle.bin");
        Files.write(file, new byte[8192]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
            MemoryMappedViewAccessor view = map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ);
            assertFalse(ViewArenas.idle(), "a generation with an open view is not idle");
            view.close();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ViewArenas.idle() && System.nanoTime() < deadline) {
            Thread.sleep(5); // other tests of this JVM may open views meanwhile: only the end state counts
        }
        assertFalse(ViewArenas.idle(), "the reaper retired the idle generation");
    }

    /**
     * Views opened and closed back to back do not wake the reaper each (a context switch per view, and its unmaps
     * contending with the next mmap): it wakes for its timed look every 20 ms, and generations close in line.
     */
    @Test
    void viewsClosedBackToBackDoNotWakeTheReaperEach() throws Exception {
        Path file = dir.resolve("burst.bin");
        Files.write(file, new byte[64 * 4096]);
        int views = 2_000;
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
            map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ).close(); // the reaper thread exists
            ReaperWakeUps.assertFewerThanOnePerClose(views, "views", () -> {
                for (int i = 0; i < views; i++) {
                    try (MemoryMappedViewAccessor view = map.createViewAccessor((i % 64) * 4096L, 4096,
                            MemoryMappedFileAccess.READ)) {
                        view.getByte(0);
                    }
                }
            });
        }
    }
}
