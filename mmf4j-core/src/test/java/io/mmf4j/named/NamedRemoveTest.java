package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.SharedNamespace;
import io.mmf4j.sync.EventResetMode;
import io.mmf4j.sync.NamedEvent;
import io.mmf4j.sync.NamedMutex;
import io.mmf4j.sync.NamedSemaphore;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.NamedMapChild;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SharedNamespace#remove}: the name goes at once, holders keep their memory, a new object is left alone. */
@SuppressWarnings("try") // objects held open by try-with-resources are the point of these tests
class NamedRemoveTest {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;
    private Path dir;
    private SharedNamespace ns;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        dir = TestNamespaces.fresh();
        ns = SharedNamespace.at(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        children.forEach(Process::destroyForcibly);
        TestNamespaces.delete(dir);
    }

    @Test
    void aRemovedNameIsFreeAtOnceWhileItsHoldersKeepTheirMemory() throws Exception {
        MemoryMappedFile old = MemoryMappedFile.createNew(ns, "board", 4096, RW);
        MemoryMappedViewAccessor oldView = old.createViewAccessor();
        MemoryMappedFile oldReader = MemoryMappedFile.openExisting(ns, "board", MemoryMappedFileRights.READ);
        oldView.putLong(0, 41);

        ns.remove("board");

        assertEquals(List.of(), ns.list(), "the name is gone at once");
        assertEquals(List.of(), TestNamespaces.files(dir), "and so is the file's name");
        assertThrows(NoSuchFileException.class,
                () -> MemoryMappedFile.openExisting(ns, "board", MemoryMappedFileRights.READ));
        oldView.putLong(0, oldView.getLong(0) + 1); // the holders still read and write their memory
        try (MemoryMappedViewAccessor readerView = oldReader.createViewAccessor()) {
            assertEquals(42, readerView.getLong(0), "a second holder, and a view made after the removal");
        }

        try (MemoryMappedFile fresh = MemoryMappedFile.createNew(ns, "board", 8192, RW);
             MemoryMappedViewAccessor freshView = fresh.createViewAccessor()) {
            assertEquals(8192, fresh.capacity());
            assertEquals(0, freshView.getLong(0), "a new object, not the removed one's memory");
            freshView.putLong(0, 7);
            assertEquals(42, oldView.getLong(0), "the two objects are apart");

            oldView.close();
            oldReader.close();
            old.close(); // the old object's last holder: its reclamation must leave the new object alone
            assertEquals(1, TestNamespaces.files(dir).size());
            List<NamedObjectInfo> listed = ns.list();
            assertEquals(1, listed.size());
            assertEquals(8192, listed.get(0).capacity());
            try (MemoryMappedFile again = MemoryMappedFile.openExisting(ns, "board", MemoryMappedFileRights.READ);
                 MemoryMappedViewAccessor againView = again.createViewAccessor()) {
                assertEquals(7, againView.getLong(0), "the new object is intact and openable");
            }
        }
        assertEquals(List.of(), TestNamespaces.files(dir), "the new object's own last close reclaims it");
    }

    @Test
    void removingAMissingOrDeadNameIsNoSuchFileAndBadNamesAreRefused() throws Exception {
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> ns.remove("never"));
        assertEquals("never", missing.getFile());
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "twice", 4096, RW)) {
            ns.remove("twice");
            assertThrows(NoSuchFileException.class, () -> ns.remove("twice"), "already removed");
        }
        Process holder = ChildJvm.start(dir.getParent().resolve("holder.err"), NamedMapChild.class,
                "hold", dir.toString(), "dead");
        children.add(holder);
        assertEquals("holding", new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());
        holder.destroyForcibly().waitFor(); // SIGKILL: the file outlives its holder until the next call
        assertEquals(1, TestNamespaces.files(dir).size());
        assertThrows(NoSuchFileException.class, () -> ns.remove("dead"), "a dead object is no live object");
        assertEquals(List.of(), TestNamespaces.files(dir), "but it was reclaimed");
        assertThrows(IllegalArgumentException.class, () -> ns.remove(""));
        assertThrows(NullPointerException.class, () -> ns.remove(null));
    }

    @Test
    void anotherProcessHoldingTheRemovedMapKeepsItsMemoryAndTheNewMapSurvivesItsExit() throws Exception {
        Process holder = ChildJvm.start(dir.getParent().resolve("holder.err"), NamedMapChild.class,
                "hold", dir.toString(), "shared");
        children.add(holder);
        assertEquals("holding", new BufferedReader(new InputStreamReader(holder.getInputStream())).readLine());
        ChildJvm.Result removed = ChildJvm.run(30, NamedMapChild.class, "remove", dir.toString(), "shared")
                .assertSuccess();
        assertEquals("removed", removed.stdout().strip());
        try (MemoryMappedFile fresh = MemoryMappedFile.createNew(ns, "shared", 4096, RW);
             MemoryMappedViewAccessor view = fresh.createViewAccessor()) {
            assertEquals(0, view.getLong(0), "new, though the holder wrote 1 into the old one");
            view.putLong(0, 99);
            holder.getOutputStream().close(); // the old holder closes and exits normally
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, holder.exitValue());
            ChildJvm.Result opened = ChildJvm.run(30, NamedMapChild.class, "open", dir.toString(), "shared")
                    .assertSuccess();
            assertEquals("opened 99", opened.stdout().strip(), "the old holder's close left the new map alone");
        }
    }

    @Test
    void everyKindSharesTheNamespaceAndCanBeRemoved() throws Exception {
        try (NamedMutex mutex = NamedMutex.create(ns, "m", false);
             NamedSemaphore semaphore = NamedSemaphore.create(ns, "s", 1, 2);
             NamedEvent event = NamedEvent.create(ns, "e", EventResetMode.MANUAL_RESET, false)) {
            for (String name : List.of("m", "s", "e")) {
                ns.remove(name);
            }
            assertEquals(List.of(), ns.list());
            assertEquals(1, semaphore.release(), "a removed semaphore still works for its holders");
            assertTrue(event.set());
            try (NamedSemaphore fresh = NamedSemaphore.create(ns, "s", 0, 1)) {
                assertThrows(io.mmf4j.sync.SemaphoreFullException.class, () -> fresh.release(2));
            }
            assertThrows(FileAlreadyExistsException.class, () -> {
                try (NamedMutex a = NamedMutex.create(ns, "m", false); NamedMutex b = NamedMutex.create(ns, "m", false)) {
                    fail("two live objects of one name");
                }
            });
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    @Test
    void removingANamedPersistedMapsNameLeavesTheMapAndItsFile() throws Exception {
        String name = "rm-persisted-" + UUID.randomUUID(); // named persisted maps live in the local namespace
        Path file = dir.getParent().resolve("data.bin");
        SharedNamespace local = SharedNamespace.local();
        try (MemoryMappedFile persisted = MemoryMappedFile.createFromFile(file, io.mmf4j.FileMode.CREATE_NEW, name,
                4096, RW);
             MemoryMappedViewAccessor view = persisted.createViewAccessor()) {
            assertTrue(local.list().stream().anyMatch(info -> info.name().equals(name)));
            local.remove(name);
            assertTrue(local.list().stream().noneMatch(info -> info.name().equals(name)));
            assertThrows(NoSuchFileException.class,
                    () -> MemoryMappedFile.openExisting(local, name, MemoryMappedFileRights.READ));
            view.putLong(0, 5);
            try (MemoryMappedFile fresh = MemoryMappedFile.createNew(local, name, 4096, RW)) {
                assertEquals(4096, fresh.capacity(), "the name is free for another kind at once");
            }
        }
        assertEquals(4096, Files.size(file), "the file stays");
        assertEquals(5, java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.nativeOrder())
                .getLong(0));
    }

    @Test
    void anotherUserCannotRemoveThisUsersNames() throws Exception {
        Files.setAttribute(dir.getParent(), "unix:mode", 0755); // let nobody reach the namespace directory itself
        String name = "rm-test-" + UUID.randomUUID();
        SharedNamespace readable = SharedNamespace.global(PosixFilePermissions.fromString("rw-r--r--"));
        try (MemoryMappedFile mine = MemoryMappedFile.createNew(ns, "mine", 4096, RW);
             MemoryMappedFile global = MemoryMappedFile.createNew(readable, name, 4096, RW);
             MemoryMappedFile secret = MemoryMappedFile.createNew(SharedNamespace.global(java.util.Set.of()),
                     name + "-secret", 4096, RW)) {
            assertTrue(asNobody("remove", dir.toString(), "mine").startsWith("AccessDeniedException"));
            String refused = asNobody("remove", "global", name);
            assertTrue(refused.startsWith("AccessDeniedException") && refused.contains("unlink"), refused);
            assertTrue(refused.startsWith("AccessDeniedException"),
                    "the sticky global directory: the OS refuses another user's unlink");
            assertTrue(asNobody("remove", "global", name + "-secret").startsWith("AccessDeniedException"));
            assertEquals(1, ns.list().size(), "nothing was removed");
            assertEquals(2, readable.list().stream().filter(info -> info.name().startsWith(name)).count());
        }
    }

    private String asNobody(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        command.addAll(ChildJvm.command(NamedMapChild.class, args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(child);
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
