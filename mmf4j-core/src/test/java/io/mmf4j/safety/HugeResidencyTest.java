package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * residency() of a view of more pages than an array holds (a 9 TiB sparse file: 2.4 billion pages) is a clear
 * exception taken before anything is allocated, and residency(offset, length) answers for a part of it.
 */
class HugeResidencyTest {
    @Test
    void aViewOfMorePagesThanAnArrayHoldsSaysSoAndAnswersForParts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sparse.bin");
        long size = 9L << 40;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size); // sparse: no blocks
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor view = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            IllegalStateException tooMany = assertThrows(IllegalStateException.class, view::residency);
            assertTrue(tooMany.getMessage().contains("2415919104 pages"), tooMany.getMessage());
            assertArrayEquals(new boolean[2], view.residency(size - 8192, 8192));
            assertThrows(IndexOutOfBoundsException.class, () -> view.residency(size - 4096, 8192));
            assertThrows(IllegalArgumentException.class, () -> view.residency(0, size));
        }
    }
}
