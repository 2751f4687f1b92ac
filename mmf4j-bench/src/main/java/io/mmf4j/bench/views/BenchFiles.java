package io.mmf4j.bench.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Files for the view benchmarks: made on disk under {@code java.io.tmpdir}, filled and written back so every page is
 * real, clean and warm. */
final class BenchFiles {
    private BenchFiles() {}

    /** A new file of {@code size} bytes, every page written (a non-zero pattern), so it sits in the page cache. */
    static Path filled(String prefix, long size) {
        try {
            Path file = Files.createTempFile(prefix, ".bin");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 Arena arena = Arena.ofConfined()) {
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.allocate(1), size - 1);
                MemorySegment all = channel.map(FileChannel.MapMode.READ_WRITE, 0, size, arena);
                for (long i = 0; i + 8 <= size; i += 8) {
                    all.set(ValueLayout.JAVA_LONG_UNALIGNED, i, i * 0x9E3779B97F4A7C15L);
                }
                all.force(); // written back now, so no benchmark pays for the set-up's dirty pages
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
