package io.mmf4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files with known, position-dependent contents for the createFromFile tests: byte {@code i} is
 * {@code (byte) (i * 13 + 1)}, so a misplaced or zeroed byte shows.
 *
 * {@snippet :
 * Path file = PatternFiles.of(dir, 4096); // dir/data-4096.bin
 * }
 *
 * <p>Stateless.
 */
final class PatternFiles {
    private PatternFiles() {}

    /** Writes {@code dir/data-<size>.bin}, {@code size} bytes of the pattern, and returns its path. */
    static Path of(Path dir, int size) throws IOException {
        Path file = dir.resolve("data-" + size + ".bin");
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 13 + 1);
        }
        Files.write(file, bytes);
        return file;
    }
}
