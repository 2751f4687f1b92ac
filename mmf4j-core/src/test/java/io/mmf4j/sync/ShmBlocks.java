package io.mmf4j.sync;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.internal.sync.SyncBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Blocks of shared memory for the sync algorithms without the namespace layer: a MAP_SHARED mapping of a file
 * in /dev/shm, opened as often as a test needs (each open is a separate mapping of the same memory).
 */
final class ShmBlocks {
    private ShmBlocks() {}

    static Path newFile(String label) throws IOException {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "mmf4j-sync-" + label, ".bin");
        Files.write(file, new byte[4096]);
        return file;
    }

    /** A new mapping of {@code file}'s first 4 KiB; releasing it unmaps it. */
    static SyncBlock open(Path file) throws IOException {
        MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        MemoryMappedViewAccessor view = map.createViewAccessor(0, 4096);
        return new SyncBlock(file.getFileName().toString(), view.segment(), () -> {
            view.close();
            map.close();
        });
    }

    static NamedMutex mutex(Path file) throws IOException {
        return new NamedMutex(open(file));
    }

    static NamedSemaphore semaphore(Path file) throws IOException {
        return new NamedSemaphore(open(file));
    }

    static NamedEvent event(Path file) throws IOException {
        return new NamedEvent(open(file));
    }
}
