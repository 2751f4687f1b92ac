package io.mmf4j.internal.shared;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.internal.platform.MapAccess;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The namespace layer on a real tmpfs directory: creation, opening, holders, reclamation, names, listing. */
@SuppressWarnings("try") // handles held open by try-with-resources are the point of these tests
class NamespaceTest {
    private Path dir;
    private Namespace ns;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-ns-test").resolve("ns");
        ns = Namespace.at(dir);
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(dir.getParent())) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        }
    }

    @Test
    void createdObjectIsInitialisedBeforeOthersCanOpenItAndReclaimedAtLastClose() throws IOException {
        try (SharedHandle created = ns.create(NamedObjectKind.SEMAPHORE, "slots", 8, 8, 0, true,
                payload -> payload.set(ValueLayout.JAVA_INT, 0, 3))) {
            assertTrue(created.created());
            assertEquals(0700, (Integer) Files.getAttribute(dir, "unix:mode") & 07777);
            try (SharedHandle opened = ns.open(NamedObjectKind.SEMAPHORE, "slots", true);
                 Arena arena = Arena.ofConfined()) {
                assertFalse(opened.created());
                assertEquals(2, opened.holderCount());
                MemorySegment payload = opened.mapPayload(0, 8, MapAccess.READ_WRITE, arena);
                assertEquals(3, payload.get(ValueLayout.JAVA_INT, 0));
                assertEquals(0600, (Integer) Files.getAttribute(ns.pathOf("slots"), "unix:mode") & 07777);
            }
            assertEquals(1, files().size(), "one holder left: the object lives");
        }
        assertEquals(List.of(), files(), "last close reclaims the name");
        SharedHandle closed = ns.create(NamedObjectKind.EVENT, "closed", 8, 8, 0, true, null);
        closed.close();
        closed.close();
        try (Arena arena = Arena.ofConfined()) {
            assertThrows(IllegalStateException.class, () -> closed.mapPayload(0, 8, MapAccess.READ, arena));
        }
        assertThrows(NoSuchFileException.class, () -> ns.open(NamedObjectKind.SEMAPHORE, "slots", true));
    }

    @Test
    void aLiveNameIsTakenForEveryKindAndTheWrongKindIsRefused() throws IOException {
        try (SharedHandle map = ns.create(NamedObjectKind.MAP, "x", 4096, 4096, 0, false, null)) {
            assertThrows(FileAlreadyExistsException.class,
                    () -> ns.create(NamedObjectKind.MUTEX, "x", 8, 8, 0, true, null));
            assertThrows(FileSystemException.class, () -> ns.open(NamedObjectKind.EVENT, "x", true));
            try (SharedHandle again = ns.createOrOpen(NamedObjectKind.MAP, "x", 1, 1, 0, true, null, true)) {
                assertFalse(again.created());
                assertEquals(4096, again.header().capacity());
            }
        }
    }

    @Test
    void namesStayInsideTheNamespace() throws IOException {
        String[] names = {"../../../../etc/passwd", "/", "..", " ", "a/b\\c", "\0", "é日本\uD83D\uDE00", "x".repeat(1000),
                "\uD800"};
        for (String name : names) {
            try (SharedHandle handle = ns.create(NamedObjectKind.MAP, name, 1, 1, 0, true, null)) {
                assertEquals(dir, ns.pathOf(name).getParent());
                try (SharedHandle opened = ns.open(NamedObjectKind.MAP, name, false)) {
                    assertEquals(name, opened.name());
                }
                assertEquals(1, files().size(), name);
            }
        }
        assertEquals(List.of(), files());
        assertThrows(IllegalArgumentException.class, () -> ns.create(NamedObjectKind.MAP, "", 1, 1, 0, true, null));
    }

    @Test
    void listShowsNameKindCapacityHoldersAndCreator() throws IOException {
        try (SharedHandle a = ns.create(NamedObjectKind.MAP, "a", 12345, 12345, 0, false, null);
             SharedHandle a2 = ns.open(NamedObjectKind.MAP, "a", false);
             SharedHandle b = ns.create(NamedObjectKind.EVENT, "b", 16, 16, 0, true, null)) {
            List<NamedObjectInfo> infos = ns.list();
            assertEquals(2, infos.size());
            NamedObjectInfo info = infos.get(0);
            assertEquals("a", info.name());
            assertEquals(NamedObjectKind.MAP, info.kind());
            assertEquals(12345, info.capacity());
            assertEquals(2, info.holders());
            assertEquals(ProcessHandle.current().pid(), info.creatorPid());
            assertEquals(NamedObjectKind.EVENT, infos.get(1).kind());
            assertEquals(1, infos.get(1).holders());
        }
    }

    @Test
    void aFileNobodyHoldsIsDeadAndSwept() throws IOException {
        SharedHandle handle = ns.create(NamedObjectKind.MAP, "orphan", 1, 1, 0, true, null);
        // Simulate a dead holder: drop the lock without the close protocol (as the kernel does at process death).
        Path file = ns.pathOf("orphan");
        handle.file().close();
        assertTrue(Files.exists(file));
        assertEquals(1, ns.sweep());
        assertFalse(Files.exists(file));
        assertThrows(NoSuchFileException.class, () -> ns.open(NamedObjectKind.MAP, "orphan", true));
    }

    @Test
    void racingCreatorsOpenersAndClosersNeverSeeAHalfMadeOrReclaimedObject() throws Exception {
        int threads = 4;
        int rounds = 400;
        java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (SharedHandle handle = ns.createOrOpen(NamedObjectKind.MAP, "race", 4096, 4096, 0, true,
                                payload -> payload.set(ValueLayout.JAVA_LONG, 0, 0xFEEDL), true);
                             Arena arena = Arena.ofConfined()) {
                            if (handle.created()) {
                                created.incrementAndGet();
                            }
                            assertEquals(4096, handle.header().capacity());
                            // while we hold it nobody can reclaim it, so the name must name the file we hold
                            assertTrue(io.mmf4j.internal.platform.linux.LinuxStoreAccess.identity(ns.pathOf("race"))
                                    .orElseThrow().sameFile(handle.file().identity()), "holding a reclaimed object");
                            MemorySegment payload = handle.mapPayload(0, 4096, MapAccess.READ_WRITE, arena);
                            assertEquals(0xFEEDL, payload.get(ValueLayout.JAVA_LONG, 0), "initialised before visible");
                            payload.set(ValueLayout.JAVA_LONG, 8, i);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(created.get() >= 1);
        assertEquals(List.of(), files(), "the last close of each generation reclaimed it");
    }

    @Test
    void aNamespaceDirectoryRemovedUnderneathIsMadeAgain() throws IOException {
        ns.create(NamedObjectKind.MAP, "first", 1, 1, 0, true, null).close();
        Files.delete(dir);
        try (SharedHandle again = ns.create(NamedObjectKind.MAP, "second", 1, 1, 0, true, null)) {
            assertEquals(0700, (Integer) Files.getAttribute(dir, "unix:mode") & 07777);
        }
    }

    @Test
    void aDirectoryOfWrongModeOrASymlinkIsRefused() throws IOException {
        Path loose = dir.resolveSibling("loose");
        Files.createDirectory(loose);
        Files.setAttribute(loose, "unix:mode", 0777);
        assertThrows(AccessDeniedException.class, () -> Namespace.at(loose).create(NamedObjectKind.MAP, "n", 1, 1, 0, true, null));
        Path link = dir.resolveSibling("link");
        Files.createSymbolicLink(link, loose);
        assertThrows(AccessDeniedException.class, () -> Namespace.at(link).list());
    }

    @Test
    void anOldObjectsLastCloseChecksAndUnlinksUnderTheRemovalLockSoANewObjectOfTheNameSurvives() throws Exception {
        Path path = ns.pathOf("x");
        SharedHandle old = ns.create(NamedObjectKind.MAP, "x", 4096, 4096, 0, true, null);
        java.util.concurrent.ExecutorService closer = java.util.concurrent.Executors.newSingleThreadExecutor();
        SharedHandle fresh;
        try {
            java.util.concurrent.Future<?> closing;
            // play a remover: with the removal lock held, unlink the name and make a new object of it, while the
            // old object's last close is under way; the close must not decide (or unlink) until we let go
            try (java.io.Closeable lock = io.mmf4j.internal.platform.linux.LinuxStoreAccess.lockNameRemoval(dir)) {
                closing = closer.submit(() -> {
                    old.close();
                    return null;
                });
                Thread.sleep(300);
                assertFalse(closing.isDone(), "the last close waits for the removal lock before it looks at the name");
                io.mmf4j.internal.platform.linux.LinuxStoreAccess.unlink(path); // the name still named the old object
                fresh = ns.create(NamedObjectKind.MAP, "x", 4096, 4096, 0, true,
                        payload -> payload.set(ValueLayout.JAVA_LONG, 0, 77));
            }
            closing.get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            closer.shutdownNow();
        }
        try (fresh; Arena arena = Arena.ofConfined()) {
            assertTrue(io.mmf4j.internal.platform.linux.LinuxStoreAccess.identity(path).orElseThrow()
                    .sameFile(fresh.file().identity()), "the old object's last close left the new one's name alone");
            try (SharedHandle opened = ns.open(NamedObjectKind.MAP, "x", false)) {
                assertEquals(77, opened.mapPayload(0, 4096, MapAccess.READ, arena).get(ValueLayout.JAVA_LONG, 0));
            }
        }
        assertEquals(List.of(), files());
    }

    @Test
    void removeTakesTheRemovalLockAndLeavesHoldersTheirMemory() throws Exception {
        try (SharedHandle held = ns.create(NamedObjectKind.EVENT, "e", 64, 64, 0, true, null);
             Arena arena = Arena.ofConfined()) {
            MemorySegment payload = held.mapPayload(0, 64, MapAccess.READ_WRITE, arena);
            java.util.concurrent.ExecutorService remover = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                java.util.concurrent.Future<?> removing;
                try (java.io.Closeable lock = io.mmf4j.internal.platform.linux.LinuxStoreAccess.lockNameRemoval(dir)) {
                    removing = remover.submit(() -> {
                        ns.remove("e");
                        return null;
                    });
                    Thread.sleep(300);
                    assertFalse(removing.isDone(), "remove waits for the removal lock");
                    assertEquals(1, files().size());
                }
                removing.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                remover.shutdownNow();
            }
            assertEquals(List.of(), files(), "the name is gone at once");
            assertEquals(0, held.file().identity().links());
            payload.set(ValueLayout.JAVA_LONG, 0, 5);
            assertEquals(5, payload.get(ValueLayout.JAVA_LONG, 0));
            assertThrows(NoSuchFileException.class, () -> ns.open(NamedObjectKind.EVENT, "e", false));
        }
    }
}
