package io.mmf4j.ipc;

import io.mmf4j.internal.shared.Namespace;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Test namespaces on /dev/shm, raw access to a queue's block (to damage it, or fake a claimant), executors. */
final class QueueFiles {
    private QueueFiles() {}

    /** A new, not yet existing, namespace directory under a fresh parent in /dev/shm. */
    static Path freshNamespace() throws IOException {
        return Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-queue-test").resolve("ns");
    }

    static void delete(Path namespace) throws IOException {
        try (Stream<Path> walk = Files.walk(namespace.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The queue's payload (its QueueDescriptor block), mapped read-write into {@code arena}. */
    static MemorySegment block(Path namespace, String name, Arena arena) throws IOException {
        Path file = Namespace.at(namespace).pathOf(name);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemorySegment all = channel.map(FileChannel.MapMode.READ_WRITE, 0, channel.size(), arena);
            long headerSize = all.get(ValueLayout.JAVA_LONG_UNALIGNED, 32); // SharedObjectDescriptor.HEADER_SIZE
            return all.asSlice(headerSize);
        }
    }

    static void platform(Runnable task) {
        Thread.ofPlatform().daemon().start(task);
    }

    static void virtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }
}
