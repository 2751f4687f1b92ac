package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** createNew / createOrOpen / openExisting in one process: the rules of issue 3 that need no second process. */
@SuppressWarnings("try") // maps held open by try-with-resources are the point of several tests
class NamedMapTest extends NamespaceTestBase {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    @Test
    void aNameOpensTheSameMemoryAndTheDefaultNamespaceIsOwnerOnly() throws IOException {
        String name = "test-" + UUID.randomUUID();
        try (MemoryMappedFile created = MemoryMappedFile.createNew(name, 100);
             MemoryMappedViewAccessor writer = created.createViewAccessor();
             MemoryMappedFile opened = MemoryMappedFile.openExisting(name);
             MemoryMappedViewAccessor reader = opened.createViewAccessor()) {
            writer.putLong(8, 0x1234_5678_9ABCL);
            assertEquals(0x1234_5678_9ABCL, reader.getLong(8));
            assertEquals(100, opened.capacity());
            assertEquals(name, opened.name().orElseThrow());
            Path local = SharedNamespace.local().directory();
            assertEquals(0700, (Integer) java.nio.file.Files.getAttribute(local, "unix:mode") & 07777);
        }
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.openExisting(name));
    }

    @Test
    void creationRules() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "m", 4096, RW)) {
            assertThrows(FileAlreadyExistsException.class, () -> MemoryMappedFile.createNew(ns, "m", 4096, RW));
        }
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.openExisting(ns, "m", MemoryMappedFileRights.READ));
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createNew(ns, "", 4096, RW));
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createNew(ns, "m", 0, RW));
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createNew(ns, "m", -1, RW));
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createNew(ns, "m", 1, MemoryMappedFileAccess.WRITE));
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createNew("", 4096));
        assertThrows(NullPointerException.class, () -> MemoryMappedFile.openExisting(null));
        assertEquals(List.of(), TestNamespaces.files(dir), "failed calls leave nothing behind");
    }

    @Test
    void createOrOpenReportsTheOriginalCapacityAndWriteCannotCreate() throws IOException {
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createOrOpen(ns, "c", 4096, MemoryMappedFileAccess.WRITE));
        assertEquals(List.of(), TestNamespaces.files(dir));
        try (MemoryMappedFile first = MemoryMappedFile.createOrOpen(ns, "c", 5000, RW);
             MemoryMappedFile smaller = MemoryMappedFile.createOrOpen(ns, "c", 10, RW);
             MemoryMappedFile larger = MemoryMappedFile.createOrOpen(ns, "c", 1 << 20, RW);
             MemoryMappedFile write = MemoryMappedFile.createOrOpen(ns, "c", 1, MemoryMappedFileAccess.WRITE);
             MemoryMappedViewAccessor a = first.createViewAccessor();
             MemoryMappedViewAccessor b = larger.createViewAccessor();
             MemoryMappedViewAccessor c = write.createViewAccessor()) {
            assertEquals(5000, smaller.capacity());
            assertEquals(5000, larger.capacity());
            assertEquals(5000, b.capacity());
            a.putInt(4996, 77);
            assertEquals(77, b.getInt(4996));
            c.putInt(0, 5);
            assertEquals(5, a.getInt(0));
        }
    }

    @Test
    void rightsNarrowTheAccessOfViews() throws IOException {
        try (MemoryMappedFile rw = MemoryMappedFile.createNew(ns, "r", 4096, RW);
             MemoryMappedFile readOnly = MemoryMappedFile.openExisting(ns, "r", MemoryMappedFileRights.READ)) {
            assertEquals(MemoryMappedFileAccess.READ, readOnly.access());
            assertThrows(IllegalArgumentException.class, () -> readOnly.createViewAccessor(0, 0, RW));
            try (MemoryMappedViewAccessor view = readOnly.createViewAccessor()) {
                assertFalse(view.canWrite());
            }
        }
        try (MemoryMappedFile created = MemoryMappedFile.createNew(ns, "ro", 4096, MemoryMappedFileAccess.READ);
             MemoryMappedFile opened = MemoryMappedFile.openExisting(ns, "ro", MemoryMappedFileRights.READ_WRITE)) {
            assertEquals(MemoryMappedFileAccess.READ, opened.access());
            assertThrows(IllegalArgumentException.class, () -> opened.createViewAccessor(0, 0, RW));
        }
    }

    @Test
    void viewsKeepTheNameAliveAndTheLastCloseReclaimsIt() throws IOException {
        MemoryMappedFile map = MemoryMappedFile.createNew(ns, "life", 4096, RW);
        MemoryMappedViewAccessor view = map.createViewAccessor();
        view.putLong(0, 99);
        map.close();
        try (MemoryMappedFile again = MemoryMappedFile.openExisting(ns, "life", MemoryMappedFileRights.READ);
             MemoryMappedViewAccessor read = again.createViewAccessor()) {
            assertEquals(99, read.getLong(0));
            view.close();
            assertEquals(1, TestNamespaces.files(dir).size(), "the second map object still holds it");
        }
        assertEquals(List.of(), TestNamespaces.files(dir), "reclaimed as the last close returns");
        try (MemoryMappedFile fresh = MemoryMappedFile.createNew(ns, "life", 4096, RW);
             MemoryMappedViewAccessor read = fresh.createViewAccessor()) {
            assertEquals(0, read.getLong(0), "a new map never shows an earlier map's bytes");
        }
    }

    @Test
    void anonymousMapsAreZeroedAndNameless() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 1 << 16);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            assertTrue(map.name().isEmpty());
            for (long i = 0; i < 1 << 16; i += 4096) {
                assertEquals(0, view.getLong(i));
            }
            view.putLong(0, 1);
        }
    }

    @Test
    void listShowsTheMapsOfANamespace() throws IOException {
        try (MemoryMappedFile a = MemoryMappedFile.createNew(ns, "alpha", 8192, RW);
             MemoryMappedFile b = MemoryMappedFile.openExisting(ns, "alpha", MemoryMappedFileRights.READ)) {
            List<NamedObjectInfo> infos = ns.list();
            assertEquals(1, infos.size());
            NamedObjectInfo info = infos.get(0);
            assertEquals("alpha", info.name());
            assertEquals(NamedObjectKind.MAP, info.kind());
            assertEquals(8192, info.capacity());
            assertEquals(2, info.holders());
            assertEquals(ProcessHandle.current().pid(), info.creatorPid());
        }
        assertEquals(List.of(), ns.list());
    }

    @Test
    void aPersistedMapCannotTakeALiveNameAndLeavesNoFileBehind(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        String name = "taken-" + UUID.randomUUID();
        Path file = tmp.resolve("new.bin");
        try (MemoryMappedFile live = MemoryMappedFile.createNew(name, 4096)) {
            assertThrows(FileAlreadyExistsException.class,
                    () -> MemoryMappedFile.createFromFile(file, io.mmf4j.FileMode.CREATE_NEW, name, 4096));
            assertFalse(java.nio.file.Files.exists(file), "the file the failed call created is removed");
            try (MemoryMappedFile other = MemoryMappedFile.openExisting(name)) {
                assertEquals(4096, other.capacity());
            }
        }
    }

    @Test
    void anInheritanceTokenIsUselessOnceClosed() throws IOException {
        String token;
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putLong(0, 9);
            try (io.mmf4j.InheritableMap shared = map.inheritable();
                 MemoryMappedFile again = MemoryMappedFile.openInherited(shared.token()); // this process is its own child
                 MemoryMappedViewAccessor seen = again.createViewAccessor()) {
                token = shared.token();
                assertEquals(9, seen.getLong(0));
            }
        }
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.openInherited(token));
        MemoryMappedFile closed = MemoryMappedFile.createNew(null, 4096);
        closed.close();
        assertThrows(IllegalStateException.class, closed::inheritable);
    }

    @Test
    void delayAllocatePagesSkipsTheCommit() throws IOException {
        long huge = 1L << 46; // 64 TiB: far more than any tmpfs here holds
        assertThrows(IOException.class, () -> MemoryMappedFile.createNew(ns, "huge", huge, RW));
        assertEquals(List.of(), TestNamespaces.files(dir));
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "huge", huge, RW,
                MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
             MemoryMappedViewAccessor view = map.createViewAccessor(0, 4096)) {
            view.putLong(0, 5);
            assertEquals(huge, map.capacity());
        }
    }
}
