package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.FileMode;
import io.mmf4j.SharedNamespace;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.SharedHeapChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments of allocate/free/findOrCreate loops: after every kill the heap validates, keeps
 * allocating, holds every block a completed call returned, and every named block is whole.
 */
class SharedHeapCrashTest {
    static final int KILLS = Integer.getInteger("mmf4j.test.sharedHeapKills", 100);
    static final int SLOTS = 3;
    private Path dir;
    private final List<Process> children = new ArrayList<>();

    @TempDir
    Path files;

    @BeforeEach
    void namespace() throws IOException {
        dir = SharedHeapTesting.freshNamespace();
    }

    @AfterEach
    void cleanUp() throws IOException {
        children.forEach(Process::destroyForcibly);
        SharedHeapTesting.delete(dir);
    }

    private record Running(Process process, Path log) {}

    private Running start(String where, long seed) throws IOException {
        Path log = files.resolve("crash-" + seed + ".out");
        ProcessBuilder builder = new ProcessBuilder(ChildJvm.command(SharedHeapChild.class, "crash", where,
                Long.toString(seed)));
        builder.redirectOutput(log.toFile()).redirectError(files.resolve("crash-" + seed + ".err").toFile());
        Process process = builder.start();
        children.add(process);
        return new Running(process, log);
    }

    /** Waits until the child logged READY (it has the heap open); fails if it died first. */
    private void awaitReady(Running child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(child.log) || Files.size(child.log) < 6) {
            assertTrue(child.process.isAlive(), "child died: " + Files.readString(Path.of(child.log + "").resolveSibling(
                    child.log.getFileName().toString().replace(".out", ".err"))));
            assertTrue(System.nanoTime() < deadline, "child never became ready");
            Thread.sleep(5);
        }
    }

    private void kill(Running child) throws Exception {
        child.process.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        children.remove(child.process);
    }

    @Test
    void namedHeapSurvivesKillsAtRandomMoments() throws Exception {
        SplittableRandom random = new SplittableRandom(13);
        String where = "ns:" + dir + ":crash";
        try (SharedHeap heap = SharedHeap.createNew(SharedNamespace.at(dir), "crash", 16 << 20)) {
            CrashLog log = new CrashLog();
            Running[] slots = new Running[SLOTS];
            for (int s = 0; s < SLOTS; s++) {
                slots[s] = start(where, s);
            }
            // Replacements start at once and get ready while the other slots are killed: JVM start-ups overlap.
            for (int kill = 0; kill < KILLS; kill++) {
                int s = kill % SLOTS;
                awaitReady(slots[s]);
                Thread.sleep(random.nextInt(5, 60));
                kill(slots[s]);
                log.read(slots[s].log);
                assertTrue(heap.validate(), "after kill " + kill);
                log.checkAndFree(heap);
                slots[s] = start(where, SLOTS + kill);
            }
            for (Running child : slots) {
                awaitReady(child);
            }
            for (Running child : slots) {
                kill(child);
                log.read(child.log);
            }
            assertTrue(heap.validate());
            log.checkAndFree(heap);
            CrashLog.checkNames(heap);
            assertTrue(heap.validate());
            assertTrue(log.operations > KILLS, "the children did work between kills: " + log.operations);
            List<Long> more = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                more.add(heap.allocate(1000));
            }
            more.forEach(heap::free);
            assertTrue(heap.validate());
        }
    }

    @Test
    void persistentHeapReopenedAfterItsWriterWasKilledHoldsEveryCompletedCall() throws Exception {
        SplittableRandom random = new SplittableRandom(17);
        Path file = files.resolve("persistent.heap");
        SharedHeap.createFromFile(file, FileMode.CREATE_NEW, 16 << 20).close();
        CrashLog log = new CrashLog();
        for (int kill = 0; kill < 8; kill++) {
            Running child = start("file:" + file, 100 + kill);
            awaitReady(child);
            Thread.sleep(random.nextInt(20, 150));
            kill(child);
            log.read(child.log);
            try (SharedHeap heap = SharedHeap.createFromFile(file, FileMode.OPEN, 0)) { // nobody else holds it
                assertTrue(heap.validate(), "after kill " + kill);
                log.checkAndFree(heap);
                CrashLog.checkNames(heap);
                assertTrue(heap.validate());
            }
        }
    }
}
