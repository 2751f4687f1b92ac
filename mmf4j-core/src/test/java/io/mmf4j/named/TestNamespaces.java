package io.mmf4j.named;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Fresh namespace directories on /dev/shm for tests, and their clean-up. */
final class TestNamespaces {
    private TestNamespaces() {}

    /** A new, not yet existing, namespace directory under a fresh parent in /dev/shm. */
    static Path fresh() throws IOException {
        return Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-test").resolve("ns");
    }

    static List<Path> files(Path namespace) throws IOException {
        if (!Files.exists(namespace)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(namespace)) {
            return list.toList();
        }
    }

    static void delete(Path namespace) throws IOException {
        try (Stream<Path> walk = Files.walk(namespace.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
