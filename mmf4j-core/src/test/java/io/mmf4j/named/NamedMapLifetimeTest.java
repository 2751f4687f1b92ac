package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.NamedMapChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Death, security and exhaustion: kill -9 of holders, a second user, a full tmpfs. */
@SuppressWarnings("try") // maps held open by try-with-resources are the point of these tests
class NamedMapLifetimeTest extends NamespaceTestBase {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    @Test
    void killingEveryHolderAtRandomMomentsReclaimsTheName() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int round = 0; round < 2; round++) {
            List<Process> holders = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                holders.add(startChild(dir.getParent().resolve("holder" + round + i + ".err"),
                        "hold", dir.toString(), "victim"));
            }
            if (round == 0) { // every holder surely holds: wait for each to say so
                for (Process holder : holders) {
                    String line = new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine();
                    assertEquals("holding", line);
                }
                assertEquals(3, ns.list().get(0).holders());
            }
            for (Process holder : holders) { // round 1: wherever they are, start-up included
                Thread.sleep(random.nextInt(round == 0 ? 300 : 1500));
                new ProcessBuilder("kill", "-9", Long.toString(holder.pid())).start().waitFor();
                assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
                assertEquals(137, holder.exitValue());
            }
            assertEquals(List.of(), ns.list(), "the next call touching the namespace reclaims the dead map");
            assertEquals(List.of(), TestNamespaces.files(dir), "no file left in the namespace");
            try (MemoryMappedFile fresh = MemoryMappedFile.createNew(ns, "victim", 1 << 20, RW);
                 MemoryMappedViewAccessor view = fresh.createViewAccessor()) {
                assertEquals(0, view.getLong(0), "a new map, not the dead one's memory");
            }
        }
    }

    @Test
    void aKilledHoldersMapIsReclaimedByCreateNewWithoutAnyListing() throws Exception {
        Process holder = startChild(dir.getParent().resolve("holder.err"), "hold", dir.toString(), "solo");
        assertEquals("holding", new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());
        holder.destroyForcibly().waitFor(); // SIGKILL
        assertEquals(1, TestNamespaces.files(dir).size(), "the file outlives its holder until the next call");
        try (MemoryMappedFile fresh = MemoryMappedFile.createNew(ns, "solo", 4096, RW)) {
            assertEquals(4096, fresh.capacity());
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    @Test
    void anotherUserCanNeitherOpenNorListAndDotDotNamesStayInside() throws Exception {
        Files.setAttribute(dir.getParent(), "unix:mode", 0755); // let nobody reach the namespace directory itself
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "private", 4096, RW);
             MemoryMappedFile sneaky = MemoryMappedFile.createNew(ns, "../../../../../tmp/escape", 4096, RW)) {
            assertEquals(dir, ns.directory());
            assertEquals(2, TestNamespaces.files(dir).size());
            assertFalse(Files.exists(Path.of("/tmp/escape")));
            for (String role : List.of("open", "list")) {
                String out = runChildAsNobody(role, dir.toString(), "private");
                assertTrue(out.contains("AccessDeniedException"), role + " by nobody: " + out);
            }
            Path file = TestNamespaces.files(dir).get(0); // and the OS itself refuses, not only the library
            for (String[] tool : new String[][] {{"cat", file.toString()}, {"rm", "-f", file.toString()},
                    {"ls", dir.toString()}}) {
                Process process = new ProcessBuilder(asNobody(List.of(tool))).redirectErrorStream(true).start();
                String out = new String(process.getInputStream().readAllBytes());
                assertNotEquals(0, process.waitFor(), String.join(" ", tool) + ": " + out);
                assertTrue(out.contains("Permission denied"), out);
            }
            assertEquals(2, TestNamespaces.files(dir).size(), "nothing was deleted");
            ChildJvm.Result same = ChildJvm.run(30, NamedMapChild.class, "open", dir.toString(),
                    "../../../../../tmp/escape").assertSuccess();
            assertEquals("opened 0", same.stdout().strip());
        }
    }

    @Test
    void theGlobalNamespaceGivesExactlyThePermissionsTheCreatorChose() throws Exception {
        String name = "global-test-" + java.util.UUID.randomUUID();
        SharedNamespace readable = SharedNamespace.global(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        SharedNamespace owner = SharedNamespace.global(java.util.Set.of());
        try (MemoryMappedFile shared = MemoryMappedFile.createNew(readable, name, 4096, RW);
             MemoryMappedViewAccessor view = shared.createViewAccessor();
             MemoryMappedFile secret = MemoryMappedFile.createNew(owner, name + "-secret", 4096, RW)) {
            view.putLong(0, 2024);
            assertEquals(01777, (Integer) Files.getAttribute(readable.directory(), "unix:mode") & 07777);
            assertEquals("opened 2024", runChildAsNobody("open", "global", name));
            String refused = runChildAsNobody("open", "global", name + "-secret");
            assertTrue(refused.startsWith("AccessDeniedException"), refused);
            assertTrue(refused.contains(name + "-secret"), "EACCES names the map, not its hashed file: " + refused);
            assertTrue(owner.list().stream().anyMatch(info -> info.name().equals(name + "-secret")));
        }
        assertTrue(owner.list().stream().noneMatch(info -> info.name().startsWith(name)));
    }

    @Test
    void aFullTmpfsIsAnIOExceptionAtCreationUnlessPagesAreDelayed() throws Exception {
        Path mount = dir.getParent().resolve("small");
        Files.createDirectory(mount);
        boolean mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", mount.toString())
                .redirectErrorStream(true).start().waitFor() == 0;
        long tooMuch = mounted ? 8L << 20 : Files.getFileStore(Path.of("/dev/shm")).getUsableSpace() + (1L << 30);
        SharedNamespace small = mounted ? SharedNamespace.at(mount.resolve("ns")) : ns;
        try {
            IOException full = assertThrows(IOException.class, () -> MemoryMappedFile.createNew(small, "big", tooMuch, RW));
            assertTrue(full.getMessage().contains("ENOSPC"), full.getMessage());
            assertEquals(List.of(), TestNamespaces.files(small.directory()), "nothing left behind");
            try (MemoryMappedFile delayed = MemoryMappedFile.createNew(small, "big", tooMuch, RW,
                    MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
                 MemoryMappedViewAccessor view = delayed.createViewAccessor(0, 4096)) {
                view.putLong(0, 1); // one page fits
                assertEquals(tooMuch, delayed.capacity());
            }
        } finally {
            if (mounted) {
                new ProcessBuilder("umount", mount.toString()).start().waitFor();
            }
        }
    }
}
