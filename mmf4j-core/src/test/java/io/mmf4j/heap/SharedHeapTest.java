package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process's view of SharedHeap: blocks, handles as untrusted input, names, validation, persistence, arguments. */
class SharedHeapTest {
    private Path dir;
    private SharedNamespace ns;

    @TempDir
    Path files;

    @BeforeEach
    void namespace() throws IOException {
        dir = SharedHeapTesting.freshNamespace();
        ns = SharedNamespace.at(dir);
    }

    @AfterEach
    void cleanUp() throws IOException {
        SharedHeapTesting.delete(dir);
    }

    @Test
    void blocksAreAlignedSizedAndReused() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20)) {
            assertEquals(1 << 20, heap.capacity());
            long a = heap.allocate(100);
            long b = heap.allocate(0);
            assertTrue(a > 0 && a % 16 == 0 && b % 16 == 0 && a != b);
            assertEquals(100, heap.sizeOf(a));
            assertEquals(100, heap.segment(a).byteSize());
            assertEquals(0, heap.segment(b).byteSize());
            heap.segment(a).fill((byte) 7);
            assertEquals(100, heap.summary().allocated());
            heap.free(a);
            assertEquals(a, heap.allocate(100), "a freed block of the size class comes back first");
            assertTrue(heap.validate());
        }
    }

    @Test
    void handlesAreCheckedAsUntrustedInput() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20)) {
            long a = heap.allocate(64);
            heap.segment(a).set(ValueLayout.JAVA_LONG, 16, heap.segment(a).get(ValueLayout.JAVA_LONG, 0));
            for (long bad : new long[] {0, -16, 1, a + 1, a + 16, a + 32, 1 << 20, Long.MAX_VALUE, 16, 4096}) {
                assertThrows(IllegalArgumentException.class, () -> heap.free(bad), "free(" + bad + ")");
                assertThrows(IllegalArgumentException.class, () -> heap.segment(bad));
            }
            heap.free(a);
            assertThrows(IllegalArgumentException.class, () -> heap.free(a), "double free");
            assertThrows(IllegalArgumentException.class, () -> heap.allocate(-1));
            assertTrue(heap.validate());
        }
    }

    @Test
    void fullHeapCoalescesThenRefuses() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 16)) {
            List<Long> small = new ArrayList<>();
            for (long h; (h = heap.tryAllocate(100)) != 0; ) {
                small.add(h);
            }
            assertThrows(OutOfMemoryError.class, () -> heap.allocate(100));
            small.forEach(heap::free);
            long big = heap.allocate(30_000); // only fits once the small free blocks have merged
            assertEquals(30_000, heap.sizeOf(big));
            assertEquals(0, heap.tryAllocate(1 << 17));
            assertTrue(heap.validate());
            heap.free(big);
            List<Long> again = new ArrayList<>();
            for (long h; (h = heap.tryAllocate(100)) != 0; ) {
                again.add(h);
            }
            again.forEach(heap::free);
            long named = heap.findOrCreate("named", 20_000, s -> s.fill((byte) 1)); // coalesces inside a bind
            assertEquals(20_000, heap.sizeOf(named));
            assertEquals(20_000, heap.summary().allocated());
            assertTrue(heap.validate());
        }
    }

    @Test
    void randomWorkKeepsEveryInvariant() throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20)) {
            Map<Long, Long> live = new java.util.HashMap<>();
            for (int i = 0; i < 20_000; i++) {
                if (live.isEmpty() || random.nextInt(100) < 52) {
                    long size = random.nextInt(2000);
                    long h = heap.tryAllocate(size);
                    if (h != 0) {
                        heap.segment(h).fill((byte) h);
                        live.put(h, size);
                    }
                } else {
                    long h = live.keySet().iterator().next();
                    MemorySegment s = heap.segment(h);
                    assertEquals(-1, s.mismatch(MemorySegment.ofArray(new byte[(int) s.byteSize()]).fill((byte) h)));
                    heap.free(h);
                    live.remove(h);
                }
                if (i % 5000 == 0) {
                    assertTrue(heap.validate());
                }
            }
            assertTrue(heap.validate());
            long busy = heap.walk().stream().filter(e -> e.kind() == HeapEntryKind.BUSY).count();
            assertEquals(live.size(), busy);
        }
    }

    @Test
    void namedBlocks() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20)) {
            int[] runs = {0};
            long a = heap.findOrCreate("config", 32, s -> { runs[0]++; s.set(ValueLayout.JAVA_LONG, 0, 99L); });
            assertEquals(a, heap.findOrCreate("config", 32, s -> runs[0]++));
            assertEquals(1, runs[0]);
            assertEquals(99L, heap.segment(a).get(ValueLayout.JAVA_LONG, 0));
            assertEquals(a, heap.lookup("config"));
            assertEquals(0, heap.lookup("nothing"));
            String longName = "n".repeat(1000);
            long b = heap.findOrCreate(longName, 8, s -> { });
            assertEquals(Map.of("config", a, longName, b), heap.names());
            assertThrows(IllegalArgumentException.class, () -> heap.findOrCreate("n".repeat(1001), 8, s -> { }));
            assertThrows(IllegalArgumentException.class, () -> heap.lookup(""));
            assertThrows(IllegalStateException.class, () -> heap.findOrCreate("x", 8, s -> { throw new IllegalStateException("no"); }));
            assertEquals(0, heap.lookup("x"), "a failed initializer leaves no name");
            assertTrue(heap.unbind("config"));
            assertFalse(heap.unbind("config"));
            assertEquals(99L, heap.segment(a).get(ValueLayout.JAVA_LONG, 0), "unbind keeps the block");
            heap.free(b);
            assertEquals(0, heap.lookup(longName), "freeing a named block removes its name");
            assertTrue(heap.validate());
            heap.free(a);
            assertEquals(0, heap.summary().allocated());
            assertTrue(heap.validate());
        }
    }

    @Test
    void namedHeapIsANamedObjectWithMapLifetime() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20)) {
            assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> SharedHeap.createNew(ns, "h", 1 << 20));
            assertEquals(NamedObjectKind.SHARED_HEAP, ns.list().getFirst().kind());
            assertThrows(FileSystemException.class, () -> MemoryMappedFile.openExisting(ns, "h", io.mmf4j.MemoryMappedFileRights.READ_WRITE));
            long a = heap.allocate(8);
            try (SharedHeap other = SharedHeap.createOrOpen(ns, "h", 4096 * 4)) {
                assertEquals(1 << 20, other.capacity());
                assertEquals(8, other.sizeOf(a));
            }
        }
        assertThrows(NoSuchFileException.class, () -> SharedHeap.openExisting(ns, "h"), "reclaimed at last close");
    }

    @Test
    void closedHeapRefusesEverything() throws IOException {
        SharedHeap heap = SharedHeap.createNew(ns, "h", 1 << 20);
        long a = heap.allocate(8);
        MemorySegment s = heap.segment(a);
        heap.close();
        heap.close();
        assertThrows(IllegalStateException.class, () -> heap.allocate(8));
        assertThrows(IllegalStateException.class, () -> s.get(ValueLayout.JAVA_BYTE, 0));
    }

    @Test
    void persistentHeapKeepsBlocksAndNames() throws IOException {
        Path file = files.resolve("heap.bin");
        long a;
        try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.CREATE_NEW, 1 << 20)) {
            a = heap.allocate(10);
            heap.segment(a).fill((byte) 5);
            heap.findOrCreate("root", 8, s -> s.set(ValueLayout.JAVA_LONG, 0, 123L));
            heap.flush();
        }
        try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.OPEN, 0)) {
            assertEquals(1 << 20, heap.capacity());
            assertEquals(10, heap.sizeOf(a));
            assertEquals(5, heap.segment(a).get(ValueLayout.JAVA_BYTE, 9));
            assertEquals(123L, heap.segment(heap.lookup("root")).get(ValueLayout.JAVA_LONG, 0));
            assertTrue(heap.validate());
        }
        try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.OPEN_OR_CREATE, 1 << 20)) {
            assertEquals(10, heap.sizeOf(a));
        }
    }

    @Test
    void createFromFileArguments() throws IOException {
        Path file = files.resolve("args.bin");
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createFromFile(file, FileMode.TRUNCATE, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createFromFile(file, FileMode.APPEND, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createFromFile(file, FileMode.CREATE_NEW, 0));
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createFromFile(file, FileMode.OPEN_OR_CREATE, 0));
        assertFalse(Files.exists(file), "a refused call leaves no file");
        assertThrows(NoSuchFileException.class, () -> SharedHeap.createFromFile(file, FileMode.OPEN, 0));
        SharedHeap.createFromFile(file, FileMode.CREATE, 1 << 16).close();
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createFromFile(file, FileMode.OPEN, 1 << 17));
        Path junk = files.resolve("junk.bin");
        Files.write(junk, new byte[1 << 16]);
        assertThrows(FileSystemException.class, () -> SharedHeap.createFromFile(junk, FileMode.OPEN, 0));
        assertThrows(NullPointerException.class, () -> SharedHeap.createNew(ns, null, 1 << 16));
        assertThrows(IllegalArgumentException.class, () -> SharedHeap.createNew(ns, "tiny", 100));
    }

    @Test
    void corruptedHeapMemoryNeverCrashes() throws IOException {
        Path file = files.resolve("corrupt.bin");
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 30; round++) {
            long[] handles = new long[20];
            try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.CREATE, 1 << 16)) {
                for (int i = 0; i < handles.length; i++) {
                    handles[i] = heap.allocate(random.nextInt(200));
                }
                heap.findOrCreate("x", 40, s -> { });
            }
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                for (int i = 0; i < 8; i++) { // scribble over the header or the blocks
                    long at = random.nextInt(10) < 3 ? random.nextInt(256) : 4096 + random.nextInt(1 << 15);
                    channel.write(java.nio.ByteBuffer.wrap(new byte[] {(byte) random.nextInt()}), at);
                }
            }
            try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.OPEN, 0)) {
                heap.validate();
                heap.walk();
                for (long h : handles) {
                    try {
                        heap.segment(h).fill((byte) 1);
                        heap.free(h);
                    } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException expected) {
                        // refused as corrupt or not live: fine, the JVM lives
                    }
                }
                heap.tryAllocate(100);
                heap.names();
            } catch (FileSystemException | IllegalStateException refused) {
                // the header was hit: the heap is refused as a whole
            }
        }
    }
}
