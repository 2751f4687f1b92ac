package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.NamedMapChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Named maps between real JVMs: the source texts' patterns, atomics across processes, sharing by name. */
class NamedMapProcessTest extends NamespaceTestBase {
    private static final String TEXT = "this is a mapping file test";

    private Child start(String... args) throws IOException {
        Path stderr = Files.createTempFile(dir.getParent(), "child", ".err");
        Process process = startChild(stderr, args);
        return new Child(process, new BufferedReader(new InputStreamReader(process.getInputStream())), stderr);
    }

    record Child(Process process, BufferedReader out, Path stderr) {
        String line() throws IOException {
            String line = out.readLine();
            if (line == null) {
                throw new AssertionError("child said nothing; stderr:\n" + Files.readString(stderr));
            }
            return line;
        }

        void finish() throws Exception {
            process.getOutputStream().close();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "child did not finish");
            assertEquals(0, process.exitValue(), Files.readString(stderr));
        }
    }

    @Test
    void processBReadsTheStringProcessAWroteUnderSharedName() throws Exception {
        Child a = start("write", dir.toString(), "SHARED", "100", TEXT);
        assertEquals("written", a.line());
        ChildJvm.Result b = ChildJvm.run(30, NamedMapChild.class, "read", dir.toString(), "SHARED",
                Integer.toString(TEXT.length())).assertSuccess();
        assertEquals(TEXT, b.stdout().strip());
        a.finish();
        assertEquals(List.of(), TestNamespaces.files(dir), "A's exit reclaimed SHARED");
    }

    @Test
    void dllPatternExactlyOneProcessInitialises() throws Exception {
        List<Child> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(start("dll", dir.toString(), "dll-init"));
        }
        int initialisers = 0;
        for (Child racer : racers) {
            String line = racer.line();
            assertTrue(line.endsWith(" " + 0xC0FFEEL), line);
            if (line.startsWith("initialised")) {
                initialisers++;
            }
        }
        assertEquals(1, initialisers);
        for (Child racer : racers) {
            racer.finish();
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    @Test
    void fourProcessesOfAMillionAtomicAddsGiveTheExactTotal() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "counter", 4096, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            List<Child> adders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                adders.add(start("add", dir.toString(), "counter", "1000000"));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (view.getLongAcquire(0) < 4 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            view.putIntRelease(64, 1); // all started: go, so that the adds really contend
            for (Child adder : adders) {
                assertEquals("done", adder.line());
                adder.finish();
            }
            assertEquals(4_000_000L, view.getLongVolatile(8));
        }
    }

    @Test
    void aChildOpensAnAnonymousMapHandedOverWithoutAName() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor();
             io.mmf4j.InheritableMap shared = map.inheritable()) {
            view.putLong(0, 41);
            assertEquals("inherited 41 (anonymous)", runInheritingChild(shared));
            assertEquals(42, view.getLong(8), "the child wrote into the same memory");
        }
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.openInherited("not a token"));
    }

    @Test
    void aNamedMapHandedToAChildIsHeldByIt() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "handed", 4096, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor();
             io.mmf4j.InheritableMap shared = map.inheritable()) {
            view.putLong(0, 7);
            assertEquals("inherited 7 handed", runInheritingChild(shared));
            assertEquals(8, view.getLong(8));
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    /**
     * Runs the child role "inherited" with {@code shared} handed to it and returns its output, stripped, once
     * it has exited (within 30 s, asserted).
     */
    private String runInheritingChild(io.mmf4j.InheritableMap shared) throws Exception {
        ProcessBuilder builder = shared.applyTo(new ProcessBuilder(
                ChildJvm.command(NamedMapChild.class, "inherited", "-", "unused")));
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process child = track(builder.start());
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void aNamedPersistedMapIsOpenedByNameInAnotherProcess(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String name = "persisted-" + java.util.UUID.randomUUID();
        Path file = tmp.resolve("data.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, io.mmf4j.FileMode.CREATE_NEW, name, 8192);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putLong(0, 31337);
            ChildJvm.Result result = ChildJvm.run(30, NamedMapChild.class, "open", "-", name).assertSuccess();
            assertEquals("opened 31337", result.stdout().strip());
            assertThrows(java.nio.file.FileAlreadyExistsException.class,
                    () -> MemoryMappedFile.createNew(name, 4096));
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> MemoryMappedFile.openExisting(name));
        assertEquals(8192, Files.size(file), "the file itself stays");
    }
}
