package io.mmf4j.ipc;

import io.mmf4j.internal.ipc.QueueDescriptor;
import io.mmf4j.internal.platform.Platform;
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

    /**
     * Fakes the claim of position 0 by process {@code pid}, as if it had died (or were about to die) inside it:
     * a producer's claim of a fresh queue's first slot (WRITING, TAIL = 1), or a consumer's claim of the first
     * message (READING, HEAD = 1).
     */
    static void claimFirstSlot(Path namespace, String name, long pid, boolean producer) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment block = block(namespace, name, arena);
            int owner = QueueDescriptor.ownerOf(pid, Platform.current().processes().processStartStamp(pid));
            long slot = QueueDescriptor.RING_OFFSET;
            long word = block.get(ValueLayout.JAVA_LONG, slot);
            int expected = producer ? QueueDescriptor.FREE : QueueDescriptor.FULL;
            if (word != QueueDescriptor.word(0, expected, 0)) {
                throw new IllegalStateException("slot 0 is not " + expected + ": " + Long.toHexString(word));
            }
            block.set(ValueLayout.JAVA_LONG, slot,
                    QueueDescriptor.word(0, producer ? QueueDescriptor.WRITING : QueueDescriptor.READING, owner));
            block.set(ValueLayout.JAVA_LONG, producer ? QueueDescriptor.TAIL_OFFSET : QueueDescriptor.HEAD_OFFSET, 1L);
        }
    }

    static void platform(Runnable task) {
        Thread.ofPlatform().daemon().start(task);
    }

    static void virtual(Runnable task) {
        Thread.ofVirtual().start(task);
    }
}
