package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.FileMode;
import io.mmf4j.SharedNamespace;
import io.mmf4j.heap.SharedHeap;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mmf heap on a persistent heap and a named one, and mmf ls listing a shared heap with its used bytes. */
class HeapCommandIT {
    @TempDir
    Path dir;

    @Test
    void heapShowsSummaryNamesAndBlocksOfAPersistentHeap() throws Exception {
        Path file = dir.resolve("jobs.heap");
        long root;
        try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.CREATE_NEW, 1 << 20)) {
            heap.allocate(100);
            root = heap.findOrCreate("root", 64, s -> s.set(ValueLayout.JAVA_LONG, 0, 1L));
        }
        List<String> out = MmfProcess.run("heap", file.toString(), "--walk").exits(0).out().lines().toList();
        assertEquals("persistent heap " + file, out.get(0));
        assertTrue(out.get(1).matches("capacity 1\\.0 MiB, allocated 164 B in 3 busy blocks, free .*, valid"), out.get(1));
        assertEquals("1 named block:", out.get(2));
        assertTrue(out.get(3).matches("  root +handle " + root + " +64 B"), out.get(3));
        assertTrue(out.get(4).startsWith("KIND"), out.get(4));
        assertTrue(out.get(5).startsWith("region"), out.get(5));
        assertEquals(3, out.stream().filter(l -> l.startsWith("busy")).count(), String.join("\n", out));
        String json = MmfProcess.run("heap", file.toString(), "--json").exits(0).out();
        assertTrue(json.contains("\"allocated\": 164,\n  \"valid\": true,\n  \"names\": [\n    {\"name\": \"root\", \"handle\": "
                + root + ", \"size\": 64}\n  ]\n}"), json);
        MmfProcess.run("heap", dir.resolve("none").toString(), "--namespace", dir.resolve("ns").toString())
                .failsWithOneLine(1, "no such file or shared heap");
    }

    @Test
    void lsListsASharedHeapWithItsUsedBytes() throws Exception {
        Path ns = dir.resolve("ns");
        try (SharedHeap heap = SharedHeap.createNew(SharedNamespace.at(ns), "pool", 1 << 20)) {
            heap.allocate(2048);
            List<String> ls = MmfProcess.run("ls", "--namespace", ns.toString()).exits(0).out().lines().toList();
            assertTrue(ls.get(1).matches("pool +shared-heap +1\\.0 MiB +1  pid .*  used 2\\.0 KiB"), ls.get(1));
            String json = MmfProcess.run("ls", "--json", "--namespace", ns.toString()).exits(0).out();
            assertTrue(json.contains("\"kind\": \"shared-heap\", \"capacity\": 1048576") && json.contains("\"used\": 2048}"), json);
            List<String> shown = MmfProcess.run("heap", "pool", "--namespace", ns.toString()).exits(0).out().lines().toList();
            assertEquals("shared heap 'pool' in " + ns, shown.get(0));
        } finally {
            if (Files.exists(ns)) {
                try (var files = Files.list(ns)) {
                    files.forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}
