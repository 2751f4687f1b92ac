package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.shared.SharedObjectDescriptor;
import io.mmf4j.internal.sync.SemaphoreDescriptor;
import io.mmf4j.sync.NamedSemaphore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers and blocks in shared memory are untrusted input: a process that can write an object's file writes
 * a hostile field into it, and the next open throws a documented exception naming the object.
 */
class HostileHeaderTest {
    @TempDir
    Path dir;

    /** The one object file in the namespace (whatever its encoded name). */
    private Path objectFile() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> objects = files.filter(Files::isRegularFile).filter(f -> {
                try (FileChannel channel = FileChannel.open(f, StandardOpenOption.READ)) {
                    ByteBuffer magic = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                    return channel.read(magic, 0) == 8 && magic.getLong(0) == SharedObjectDescriptor.MAGIC;
                } catch (IOException e) {
                    return false;
                }
            }).toList();
            assertTrue(objects.size() == 1, objects.toString());
            return objects.getFirst();
        }
    }

    private static void poke(Path file, long offset, ByteBuffer value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(value.flip(), offset);
        }
    }

    private static ByteBuffer intValue(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value);
    }

    private static ByteBuffer longValue(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
    }

    private void assertOpenRefused(long offset, ByteBuffer hostile, String why) throws Exception {
        SharedNamespace ns = SharedNamespace.at(dir);
        try (MemoryMappedFile holder = MemoryMappedFile.createNew(ns, "victim", 8192, MemoryMappedFileAccess.READ_WRITE)) {
            poke(objectFile(), offset, hostile);
            FileSystemException refused = assertThrows(FileSystemException.class,
                    () -> MemoryMappedFile.openExisting(ns, "victim", MemoryMappedFileRights.READ_WRITE), holder::toString);
            assertTrue(refused.getMessage().contains("'victim'") && refused.getMessage().contains(why),
                    refused.getMessage());
        }
    }

    @Test
    void anAccessCodeOutOfRangeIsRefused() throws Exception {
        assertOpenRefused(SharedObjectDescriptor.ACCESS_OFFSET, intValue(99), "access code 99");
    }

    @Test
    void aCapacityPastTheEndOfTheFileIsRefused() throws Exception {
        assertOpenRefused(SharedObjectDescriptor.CAPACITY_OFFSET, longValue(1L << 40), "capacity 1099511627776");
    }

    @Test
    void aNegativeCapacityIsRefused() throws Exception {
        assertOpenRefused(SharedObjectDescriptor.CAPACITY_OFFSET, longValue(-8192), "capacity -8192");
    }

    @Test
    void aSemaphoreCountAboveItsMaximumIsRefused() throws Exception {
        SharedNamespace ns = SharedNamespace.at(dir);
        try (NamedSemaphore holder = NamedSemaphore.create(ns, "sem", 1, 2)) {
            Path file = objectFile();
            ByteBuffer headerSize = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.read(headerSize, SharedObjectDescriptor.HEADER_SIZE_OFFSET);
            }
            poke(file, headerSize.getLong(0) + SemaphoreDescriptor.COUNT_OFFSET, intValue(1000));
            IOException refused = assertThrows(IOException.class, () -> NamedSemaphore.openExisting(ns, "sem"),
                    holder::toString);
            assertTrue(refused.getMessage().contains("\"sem\"") && refused.getMessage().contains("count 1000"),
                    refused.getMessage());
        }
    }
}
