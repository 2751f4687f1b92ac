package io.mmf4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
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
}
