package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MemoryMappedFile#grow} of persisted and anonymous maps in one process: sizes, zeros, old views, refusals. */
class GrowTest {
    @TempDir
    Path dir;

    @Test
    void persistedGrowthExtendsTheFileWithReservedZeros() throws Exception {
        Path file = dir.resolve("log");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096)) {
            MemoryMappedViewAccessor before = map.createViewAccessor();
            before.putLong(8, 42);
            map.grow(3 * 4096 + 100);
            assertEquals(3 * 4096 + 100, map.capacity());
            assertEquals(3 * 4096 + 100, Files.size(file));
            assertTrue(allocatedBytes(file) >= 3 * 4096, "space reserved: " + allocatedBytes(file) + " bytes");
            try (MemoryMappedViewAccessor after = map.createViewAccessor()) {
                assertEquals(3 * 4096 + 100, after.capacity());
                assertEquals(42, after.getLong(8));
                for (long p = 4096; p < after.capacity(); p += 512) {
                    assertEquals(0, after.getByte(p), "new bytes read as zero at " + p);
                }
                after.putLong(3 * 4096 + 92, 7);
            }
            assertEquals(4096, before.capacity(), "an old view keeps its size");
            assertEquals(42, before.getLong(8), "and keeps working");
            before.putLong(16, 9);
            before.close();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
            channel.read(bytes, 3 * 4096 + 92);
            assertEquals(7, bytes.flip().getLong());
        }
    }

    /** The bytes the file system has allocated to {@code file} ({@code stat %b}, in 512-byte blocks). */
    static long allocatedBytes(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "--format=%b", file.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes()).strip();
        stat.waitFor();
        return Long.parseLong(out) * 512;
    }

    @Test
    void growthMakesTheCapacityAtLeastNAndNeverShrinks() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(dir.resolve("f"), FileMode.CREATE_NEW, null, 8192)) {
            map.grow(100);
            assertEquals(8192, map.capacity());
            map.grow(8192);
            assertEquals(8192, map.capacity());
            map.grow(8193);
            assertEquals(8193, map.capacity());
            assertEquals(8193, Files.size(dir.resolve("f")));
        }
    }

    @Test
    void badGrowthsAreRefused() throws Exception {
        Path file = dir.resolve("f");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096)) {
            IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> map.grow(0));
            assertTrue(zero.getMessage().contains("newCapacity"), zero.getMessage());
            assertThrows(IllegalArgumentException.class, () -> map.grow(-5));
            IOException tooLarge = assertThrows(IOException.class, () -> map.grow(Long.MAX_VALUE / 2));
            assertTrue(tooLarge.getMessage().contains("keeps its old size"), tooLarge.getMessage());
            assertEquals(4096, map.capacity());
            assertEquals(4096, Files.size(file));
        }
        try (MemoryMappedFile read = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ)) {
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class, () -> read.grow(8192));
            assertTrue(refused.getMessage().contains("READ"), refused.getMessage());
        }
        try (MemoryMappedFile cow = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0,
                MemoryMappedFileAccess.COPY_ON_WRITE)) {
            assertThrows(UnsupportedOperationException.class, () -> cow.grow(8192));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             MemoryMappedFile fromChannel = MemoryMappedFile.createFromFile(channel, null, 0,
                     MemoryMappedFileAccess.READ_WRITE, true)) {
            assertThrows(UnsupportedOperationException.class, () -> fromChannel.grow(8192));
        }
        MemoryMappedFile closed = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        closed.close();
        assertThrows(IllegalStateException.class, () -> closed.grow(8192));
        assertEquals(4096, Files.size(file));
    }

    @Test
    void concurrentGrowersEndAtTheLargestSize() throws Exception {
        Path file = dir.resolve("f");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int t = 1; t <= 8; t++) {
                long target = 4096L * t * 3;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        map.grow(target);
                        try (MemoryMappedViewAccessor view = map.createViewAccessor(0, target)) {
                            view.putByte(target - 1, (byte) 1);
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertEquals(List.of(), failures);
            assertEquals(4096L * 8 * 3, map.capacity());
            assertEquals(4096L * 8 * 3, Files.size(file));
        }
    }

    @Test
    void aNamedPersistedMapsGrowthIsSeenByItsOpeners() throws Exception {
        String name = "grow-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime(); // default namespace
        try (MemoryMappedFile creator = MemoryMappedFile.createFromFile(dir.resolve("named"), FileMode.CREATE_NEW, name, 4096);
             MemoryMappedFile opener = MemoryMappedFile.openExisting(name)) {
            assertEquals(4096, opener.capacity());
            opener.grow(1 << 20);
            assertEquals(1 << 20, creator.capacity());
            try (MemoryMappedViewAccessor write = creator.createViewAccessor((1 << 20) - 8, 8);
                 MemoryMappedViewAccessor read = opener.createViewAccessor()) {
                write.putLong(0, 17);
                assertEquals(17, read.getLong((1 << 20) - 8));
            }
            try (MemoryMappedFile late = MemoryMappedFile.openExisting(name)) {
                assertEquals(1 << 20, late.capacity(), "an opener after the growth starts at the new size");
            }
        }
    }

    @Test
    void thePortableBackendGrowsPersistedMapsToo() throws Exception {
        java.util.List<String> command = new ArrayList<>(io.mmf4j.testing.ChildJvm.command(
                io.mmf4j.testing.child.GrowChild.class, "persisted", dir.resolve("jdk").toString()));
        command.remove("--enable-native-access=io.mmf4j");
        command.addAll(1, List.of("--illegal-native-access=deny", "-Dmmf4j.platform=jdk"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertEquals("grown 1048576 1048576 42", out);
    }

    @Test
    void anAnonymousMapGrows() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096)) {
            map.grow(1 << 20);
            assertEquals(1 << 20, map.capacity());
            try (MemoryMappedViewAccessor view = map.createViewAccessor((1 << 20) - 8, 8)) {
                assertEquals(0, view.getLong(0));
                view.putLong(0, 5);
                assertEquals(5, view.getLong(0));
            }
        }
        try (MemoryMappedFile delayed = MemoryMappedFile.createNew(null, 4096, MemoryMappedFileAccess.READ_WRITE,
                MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES)) {
            delayed.grow(1 << 20);
            try (MemoryMappedViewAccessor view = delayed.createViewAccessor()) {
                byte[] zeros = new byte[64];
                byte[] read = new byte[64];
                view.segment().asSlice((1 << 20) - 64).copyFrom(java.lang.foreign.MemorySegment.ofArray(zeros));
                java.lang.foreign.MemorySegment.copy(view.segment(), ValueLayout.JAVA_BYTE, (1 << 20) - 64, read, 0, 64);
                assertArrayEquals(zeros, read);
            }
        }
    }
}
