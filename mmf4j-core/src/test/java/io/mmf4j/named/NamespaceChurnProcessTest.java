package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.testing.child.NamespaceChurnChild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: eight real processes ({@link NamespaceChurnChild}) create, open, remove and close names in one
 * namespace at once, their own names and three names all of them race for. Every process reads back what it
 * wrote (no process ever opens another's object under its name), finds each name gone once removed or closed,
 * and never holds a contended name while another process holds it too; afterwards nothing is left behind: the
 * namespace holds only the test's own tally map, and a sweep finds nothing dead. No timing is asserted; the
 * throughput of this churn is measured by {@code NamespaceChurn} in mmf4j-bench.
 */
class NamespaceChurnProcessTest extends NamespaceTestBase {
    private static final int PROCESSES = 8;
    private static final int ROUNDS = 150;
    private static final int CONTENDED = 3;

    @Test
    void eightProcessesCreateAndRemoveNamesAtOnceAndLeaveNothingBehind() throws Exception {
        try (MemoryMappedFile tallyMap = MemoryMappedFile.createNew(ns, "tally", 4096, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor tally = tallyMap.createViewAccessor()) {
            List<Process> children = new ArrayList<>();
            List<Path> errors = new ArrayList<>();
            for (int id = 0; id < PROCESSES; id++) {
                Path stderr = Files.createTempFile("churn-child", ".err");
                errors.add(stderr);
                children.add(track(startChurner(stderr, id)));
            }
            int created = 0;
            int refused = 0;
            try {
                for (int id = 0; id < PROCESSES; id++) {
                    Process child = children.get(id);
                    child.getOutputStream().close();
                    String out = new String(child.getInputStream().readAllBytes()).strip();
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child " + id + " did not finish");
                    assertEquals(0, child.exitValue(), "child " + id + ": " + out + " " + Files.readString(errors.get(id)));
                    String[] done = out.split(" ");
                    assertEquals("done " + id, done[0] + " " + done[1], out);
                    created += Integer.parseInt(done[2]);
                    refused += Integer.parseInt(done[3]);
                }
            } finally {
                for (Path stderr : errors) {
                    Files.deleteIfExists(stderr);
                }
            }
            assertEquals(PROCESSES * ROUNDS, created + refused, "every contended creation either won or was refused");
            assertTrue(created >= CONTENDED, "some contended creation won: " + created);
            for (int slot = 0; slot < CONTENDED; slot++) {
                assertEquals(0, tally.getInt(4L * slot), "contended slot " + slot + " released");
            }
            List<NamedObjectInfo> left = ns.list();
            assertEquals(List.of("tally"), left.stream().map(NamedObjectInfo::name).toList());
            assertEquals(1, left.get(0).holders());
            assertEquals(0, ns.sweep(), "every last close reclaimed its name: nothing dead is left");
            assertEquals(1, TestNamespaces.files(dir).size(), "only the tally map's file");
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    private Process startChurner(Path stderr, int id) throws java.io.IOException {
        return io.mmf4j.testing.ChildJvm.start(stderr, NamespaceChurnChild.class, dir.toString(), Integer.toString(id),
                Integer.toString(ROUNDS), Integer.toString(CONTENDED));
    }
}
