package io.mmf4j.heap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh namespace directories on /dev/shm for the shared-heap tests, and their removal. */
final class SharedHeapTesting {
    private SharedHeapTesting() {}

    static Path freshNamespace() throws IOException {
        return Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-heap-test").resolve("ns");
    }

    static void delete(Path namespace) throws IOException {
        try (Stream<Path> walk = Files.walk(namespace.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
