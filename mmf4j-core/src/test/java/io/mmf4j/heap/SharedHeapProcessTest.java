package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.SharedNamespace;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.SharedHeapChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Four processes allocate and free in one heap at once: contents survive, the heap validates, no blocks overlap. */
class SharedHeapProcessTest {
    static final int PROCESSES = 4;
    static final int OPERATIONS = Integer.getInteger("mmf4j.test.sharedHeapOps", 100_000);
    private Path dir;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void namespace() throws IOException {
        dir = SharedHeapTesting.freshNamespace();
    }

    @AfterEach
    void cleanUp() throws IOException {
        children.forEach(Process::destroyForcibly);
        SharedHeapTesting.delete(dir);
    }

    @Test
    void fourProcessesOfRandomAllocateAndFree() throws Exception {
        try (SharedHeap heap = SharedHeap.createNew(SharedNamespace.at(dir), "stress", 4 << 20)) {
            List<Path> outs = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                Path out = dir.getParent().resolve("child" + i + ".out");
                outs.add(out);
                ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(SharedHeapChild.class, "stress",
                        "ns:" + dir + ":stress", Integer.toString(i + 1), Integer.toString(OPERATIONS)));
                builder.redirectOutput(out.toFile()).redirectError(dir.getParent().resolve("child" + i + ".err").toFile());
                children.add(builder.start());
            }
            for (int i = 0; i < PROCESSES; i++) {
                assertTrue(children.get(i).waitFor(120, TimeUnit.SECONDS), "child " + i + " did not finish");
                assertEquals(0, children.get(i).exitValue(),
                        Files.readString(dir.getParent().resolve("child" + i + ".err")));
            }
            assertTrue(heap.validate());
            TreeMap<Long, long[]> live = new TreeMap<>(); // handle -> {size, tag}
            for (Path out : outs) {
                List<String> lines = Files.readAllLines(out);
                assertEquals("DONE", lines.getLast());
                for (String line : lines.subList(0, lines.size() - 1)) {
                    String[] f = line.split(" ");
                    assertNull(live.put(Long.parseLong(f[1]), new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])}),
                            "two processes hold block " + f[1]);
                }
            }
            long end = 0;
            for (var block : live.entrySet()) {
                assertTrue(block.getKey() >= end, "block " + block.getKey() + " overlaps the one before");
                end = block.getKey() + block.getValue()[0];
                assertEquals(block.getValue()[0], heap.sizeOf(block.getKey()));
                assertTrue(SharedHeapChild.holds(heap.segment(block.getKey()), block.getValue()[1]),
                        "contents of " + block.getKey());
            }
            List<HeapEntry> busy = heap.walk().stream().filter(e -> e.kind() == HeapEntryKind.BUSY).toList();
            assertEquals(live.keySet(), new java.util.TreeSet<>(busy.stream().map(HeapEntry::address).toList()));
            long walkEnd = 0;
            for (HeapEntry e : heap.walk().subList(1, heap.walk().size())) {
                assertTrue(e.address() - 16 >= walkEnd, "walk entries overlap at " + e.address());
                walkEnd = e.address() + e.size();
            }
        }
    }
}
