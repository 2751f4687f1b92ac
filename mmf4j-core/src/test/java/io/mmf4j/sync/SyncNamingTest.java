package io.mmf4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Named sync objects follow the rules of named maps: one name per object of any kind, lifetime, namespace. */
class SyncNamingTest {
    private Path parent;
    private SharedNamespace namespace;

    @BeforeEach
    void freshNamespace() throws Exception {
        parent = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-sync-test");
        namespace = SharedNamespace.at(parent.resolve("ns"));
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        try (Stream<Path> walk = Files.walk(parent)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void createOpenAndTheErrorsOfNames() throws Exception {
        assertThrows(NoSuchFileException.class, () -> NamedMutex.openExisting(namespace, "m"));
        try (NamedMutex created = NamedMutex.create(namespace, "m", true)) {
            assertTrue(created.isHeldByCurrentThread(), "initiallyOwned");
            assertThrows(FileAlreadyExistsException.class, () -> NamedMutex.create(namespace, "m", false));
            assertThrows(FileAlreadyExistsException.class,
                    () -> NamedEvent.create(namespace, "m", EventResetMode.AUTO_RESET, false), "names span kinds");
            assertThrows(FileSystemException.class, () -> NamedSemaphore.openExisting(namespace, "m"));
            assertThrows(FileAlreadyExistsException.class, () -> MemoryMappedFile.createNew(namespace, "m", 4096,
                    io.mmf4j.MemoryMappedFileAccess.READ_WRITE));
            try (NamedMutex opened = NamedMutex.createOrOpen(namespace, "m")) {
                assertTrue(opened.isHeldByCurrentThread(), "the same mutex");
            }
            created.unlock();
        }
        assertThrows(IllegalArgumentException.class, () -> NamedMutex.create(namespace, "", false));
        assertThrows(NullPointerException.class, () -> NamedMutex.create(namespace, null, false));
        assertThrows(NullPointerException.class, () -> NamedEvent.create(namespace, "e", null, false));
    }

    @Test
    void theLastCloseReclaimsTheNameAndANewObjectStartsFresh() throws Exception {
        try (NamedSemaphore first = NamedSemaphore.create(namespace, "s", 0, 5)) {
            first.release(3);
            assertEquals(1, namespace.list().size());
        }
        assertEquals(0, namespace.list().size(), "reclaimed at the last close");
        try (NamedSemaphore second = NamedSemaphore.createOrOpen(namespace, "s", 1, 1)) {
            assertEquals(1, second.availablePermits(), "a new object, not the old one's memory");
            assertEquals(1, second.maximumCount());
        }
    }

    @Test
    void listedWithTheirKindAndNamesStayInsideTheNamespace() throws Exception {
        String tricky = "../../etc/passwd \u00e9\u6f22/..";
        try (NamedEvent event = NamedEvent.create(namespace, tricky, EventResetMode.MANUAL_RESET, true);
             NamedMutex mutex = NamedMutex.create(namespace, "mutex", false)) {
            var infos = namespace.list();
            assertEquals(2, infos.size());
            NamedObjectInfo eventInfo = infos.stream().filter(i -> i.name().equals(tricky)).findFirst().orElseThrow();
            assertEquals(NamedObjectKind.EVENT, eventInfo.kind());
            try (Stream<Path> files = Files.list(namespace.directory())) {
                for (Path file : files.toList()) {
                    assertEquals(namespace.directory(), file.getParent());
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                }
            }
            try (NamedEvent again = NamedEvent.openExisting(namespace, tricky)) {
                assertTrue(again.isSet());
            }
            assertFalse(mutex.isHeldByCurrentThread());
            assertTrue(event.isSet());
        }
    }
}
