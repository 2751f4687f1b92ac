package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** createFromFile(FileChannel, ...): leaveOpen, the capacity and access rules, and undo on failure. */
class ChannelMapTest {
    @TempDir
    Path dir;

    private Path fileOf(int size) throws IOException {
        return PatternFiles.of(dir, size);
    }

    @Test
    void channelOverloadLeaveOpenKeepsTheChannel() throws IOException {
        Path file = fileOf(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MemoryMappedFile map = MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.READ_WRITE, true);
            assertEquals(4096, map.capacity());
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putInt(0, 0x01020304);
            }
            map.close();
            assertTrue(channel.isOpen());
            ByteBuffer buffer = ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.read(buffer, 0);
            assertEquals(0x01020304, buffer.flip().getInt());
        }
    }

    @Test
    void channelOverloadClosesTheChannelAfterTheMapAndEveryView() throws IOException {
        Path file = fileOf(4096);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        MemoryMappedFile map = MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.READ_WRITE, false);
        MemoryMappedViewAccessor first = map.createViewAccessor(0, 100);
        MemoryMappedViewStream second = map.createViewStream(100, 100);
        map.close();
        assertTrue(channel.isOpen(), "views still use the channel");
        first.putByte(0, (byte) 7);
        first.close();
        assertTrue(channel.isOpen(), "a stream still uses the channel");
        second.writeByte((byte) 8);
        second.close();
        awaitClosed(channel);
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(7, bytes[0]);
        assertEquals(8, bytes[100]);
    }

    @Test
    void channelClosedWhenTheMapClosesLastAndNeverWhileAViewIsOpen() throws IOException {
        Path file = fileOf(4096);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        MemoryMappedFile map = MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.READ, false);
        MemoryMappedViewAccessor view = map.createViewAccessor();
        view.close();
        assertTrue(channel.isOpen(), "the map still holds the channel");
        map.close();
        awaitClosed(channel);
    }

    /** The last view's mapping is released by the view reaper, just after close returns: allow it a moment. */
    static void awaitClosed(FileChannel channel) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (channel.isOpen() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        assertFalse(channel.isOpen(), "the channel was not closed after the map and its last view");
    }

    @Test
    void channelOverloadGrowsToTheCapacity() throws IOException {
        Path file = fileOf(10);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             MemoryMappedFile map = MemoryMappedFile.createFromFile(channel, null, 70_000, MemoryMappedFileAccess.READ_WRITE, true)) {
            assertEquals(70_000, map.capacity());
            assertEquals(70_000, channel.size());
            try (MemoryMappedViewAccessor view = map.createViewAccessor(69_999, 0)) {
                assertEquals(1, view.capacity());
                view.putByte(0, (byte) 3);
            }
        }
        assertEquals(3, Files.readAllBytes(file)[69_999]);
    }

    @Test
    void channelOverloadFollowsTheCapacityRules() throws IOException {
        Path file = fileOf(1000);
        Path empty = dir.resolve("empty-channel.bin");
        Files.createFile(empty);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel emptyChannel = FileChannel.open(empty, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel readOnly = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(channel, null, 999, MemoryMappedFileAccess.READ_WRITE, true));
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(channel, null, -1, MemoryMappedFileAccess.READ_WRITE, true));
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(emptyChannel, null, 0, MemoryMappedFileAccess.READ_WRITE, true));
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(readOnly, null, 2000, MemoryMappedFileAccess.READ, true));
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.WRITE, true));
            assertThrows(UnsupportedOperationException.class,
                    () -> MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.READ_EXECUTE, true));
            assertEquals(1000, channel.size());
            assertTrue(channel.isOpen() && readOnly.isOpen() && emptyChannel.isOpen());
        }
        assertEquals(1000, Files.size(file));
    }

    @Test
    void aChannelOpenedReadOnlyCannotBeMappedForWriting() throws IOException {
        Path file = fileOf(4096);
        try (FileChannel readOnly = FileChannel.open(file, StandardOpenOption.READ)) {
            assertThrows(AccessDeniedException.class,
                    () -> MemoryMappedFile.createFromFile(readOnly, null, 0, MemoryMappedFileAccess.READ_WRITE, true));
            assertThrows(AccessDeniedException.class,
                    () -> MemoryMappedFile.createFromFile(readOnly, null, 8192, MemoryMappedFileAccess.READ_WRITE, true));
            assertThrows(AccessDeniedException.class,
                    () -> MemoryMappedFile.createFromFile(readOnly, null, 0, MemoryMappedFileAccess.COPY_ON_WRITE, true));
            assertEquals(4096, readOnly.size());
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(readOnly, null, 0, MemoryMappedFileAccess.READ, true);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(1, view.getByte(0));
            }
            assertTrue(readOnly.isOpen());
        }
    }

    @Test
    void aFailedChannelCallRestoresTheFileAndKeepsTheChannel() throws IOException {
        // As for paths: the map name is the step after growing that can fail (taken, or not supported yet).
        Path first = fileOf(100);
        Path second = fileOf(300);
        String name = "coretests-channel-" + ProcessHandle.current().pid();
        MemoryMappedFile holder = null;
        try (FileChannel one = FileChannel.open(first, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel two = FileChannel.open(second, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            try {
                holder = MemoryMappedFile.createFromFile(one, name, 0, MemoryMappedFileAccess.READ_WRITE, true);
            } catch (UnsupportedOperationException | IOException notAvailable) {
                assertEquals(100, one.size());
            }
            FileChannel target = holder == null ? one : two;
            long size = target.size();
            assertThrows(Exception.class,
                    () -> MemoryMappedFile.createFromFile(target, name, 1 << 20, MemoryMappedFileAccess.READ_WRITE, false));
            assertEquals(size, target.size(), "the grown file was not restored");
            assertTrue(target.isOpen(), "a failed call closed the caller's channel");
        } finally {
            if (holder != null) {
                holder.close();
            }
        }
    }

    @Test
    void aClosedChannelIsRefused() throws IOException {
        Path file = fileOf(4096);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.close();
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(channel, null, 0, MemoryMappedFileAccess.READ, true));
    }
}
