package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.testing.child.SharedHeapChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the killed {@link SharedHeapChild crash children} completed, read from their logs: the blocks they
 * allocated and did not start to free, and the names they saw initialised. Checks those against a heap. Not
 * thread-safe.
 */
final class CrashLog {
    /** handle -> {size, tag} of blocks a completed allocate returned and no free was begun on. */
    final Map<Long, long[]> live = new HashMap<>();
    /** Handles a child began to free and may or may not have: either outcome is correct. */
    final Set<Long> uncertain = new HashSet<>();
    final Set<String> namesSeen = new HashSet<>();
    int operations;

    /**
     * Adds one killed child's log. Only lines that end in a newline count: the child writes each line with one
     * write(2), but a SIGKILL that lands inside a write that crosses a page boundary of the file stops it there
     * (the kernel copies page by page and gives up once a fatal signal is pending), so the last line of a killed
     * child's log can be cut anywhere — "A h size" plus the first digits of the tag still has four fields.
     */
    void read(Path log) throws IOException {
        String text = Files.readString(log);
        List<String> lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        for (String line : lines) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "A" -> {
                    assertEquals(4, f.length, () -> "a completed line of " + log + ": " + line);
                    live.put(Long.parseLong(f[1]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
                }
                case "f" -> {
                    if (live.remove(Long.parseLong(f[1])) != null) {
                        uncertain.add(Long.parseLong(f[1]));
                    }
                }
                case "F" -> uncertain.remove(Long.parseLong(f[1]));
                case "N" -> namesSeen.add(f[1]);
                case "BAD" -> fail("a process saw a half-initialised named block: " + line);
                default -> { }
            }
            operations++;
        }
    }

    /** Every block a completed call returned is still live with its size and bytes; then the test frees them. */
    void checkAndFree(SharedHeap heap) {
        for (var block : live.entrySet()) {
            long handle = block.getKey();
            assertEquals(block.getValue()[0], heap.sizeOf(handle), "size of block " + handle);
            assertTrue(SharedHeapChild.holds(heap.segment(handle), block.getValue()[1]), "bytes of block " + handle);
            heap.free(handle);
        }
        live.clear();
        uncertain.clear(); // freed or leaked: the heap is sound either way, as validate() shows
    }

    /** Every named block is whole: an interrupted initializer was run again by a later caller. */
    static void checkNames(SharedHeap heap) {
        for (int k = 0; k < SharedHeapChild.NAMES; k++) {
            long handle = heap.lookup("n" + k);
            if (handle != 0) {
                assertTrue(SharedHeapChild.holds(heap.segment(handle), SharedHeapChild.namedTag(k)), "n" + k);
            }
            int key = k;
            long made = heap.findOrCreate("n" + k, SharedHeapChild.NAMED_SIZE,
                    s -> SharedHeapChild.fill(s, SharedHeapChild.namedTag(key)));
            assertTrue(SharedHeapChild.holds(heap.segment(made), SharedHeapChild.namedTag(k)), "n" + k);
        }
    }
}
