package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.NamedObjectInfo;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 20's one-pass listing and sweep (getdents64, entries opened relative to the directory, headers read in
 * part): what a namespace holds besides objects is passed over or, if it is a file no one holds, reclaimed as
 * dead; names of every length are read whole; holder counts are exact.
 */
@SuppressWarnings("try") // maps held open by try-with-resources are the point
class NamespaceListingTest extends NamespaceTestBase {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    private Path key(char last) {
        return dir.resolve("n" + "0".repeat(63) + last);
    }

    @Test
    void debrisIsPassedOverOrReclaimedAndObjectsAreListedWithExactHolders() throws Exception {
        try (MemoryMappedFile a = MemoryMappedFile.createNew(ns, "alpha", 4096, RW);
             MemoryMappedFile a2 = MemoryMappedFile.openExisting(ns, "alpha", MemoryMappedFileRights.READ);
             MemoryMappedFile a3 = MemoryMappedFile.openExisting(ns, "alpha", MemoryMappedFileRights.READ);
             MemoryMappedFile b = MemoryMappedFile.createNew(ns, "beta", 8192, RW)) {
            Process mkfifo = new ProcessBuilder("mkfifo", key('1').toString()).inheritIO().start();
            assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo");
            Path live;
            try (var entries = Files.list(dir)) {
                live = entries.filter(p -> !p.equals(key('1'))).findFirst().orElseThrow();
            }
            Files.createSymbolicLink(key('2'), live.getFileName()); // a link to a live object: never followed
            Files.createDirectory(key('3'));
            Files.write(key('4'), new byte[10]);       // shorter than a header
            Files.write(key('5'), new byte[8192]);     // a header of zeros: bad magic
            Files.write(dir.resolve("notes.txt"), new byte[8192]); // not a key: never touched

            List<NamedObjectInfo> infos = ns.list();
            assertEquals(List.of("alpha", "beta"), infos.stream().map(NamedObjectInfo::name).toList());
            assertEquals(3, infos.get(0).holders());
            assertEquals(1, infos.get(1).holders());
            assertEquals(8192, infos.get(1).capacity());
            assertFalse(Files.exists(key('4'), LinkOption.NOFOLLOW_LINKS), "a file no one holds is dead: reclaimed");
            assertFalse(Files.exists(key('5'), LinkOption.NOFOLLOW_LINKS), "a file no one holds is dead: reclaimed");

            Files.write(key('6'), new byte[10]);
            assertEquals(1, ns.sweep(), "the sweep reclaims the unheld file, nothing else");
            for (char c : new char[] {'1', '2', '3'}) {
                assertTrue(Files.exists(key(c), LinkOption.NOFOLLOW_LINKS), "FIFO, link and directory stay");
            }
            assertTrue(Files.exists(dir.resolve("notes.txt")));
            assertEquals(2, ns.list().size());
            Files.delete(key('1'));
            Files.delete(key('2'));
            Files.delete(key('3'));
            Files.delete(dir.resolve("notes.txt"));
        }
        assertEquals(List.of(), ns.list());
        assertEquals(List.of(), TestNamespaces.files(dir));
    }

    @Test
    void namesOfEveryLengthAreReadWhole() throws Exception {
        // 192 code units fill the first read (128 + 2 x 192 = 512 bytes) exactly; 193 and 5,000 need a second read
        List<String> names = List.of("x", "y".repeat(192), "z".repeat(193), "\u00e9\u4e16".repeat(2_500));
        List<MemoryMappedFile> maps = new java.util.ArrayList<>();
        try {
            for (String name : names) {
                maps.add(MemoryMappedFile.createNew(ns, name, 4096, RW));
            }
            List<NamedObjectInfo> infos = ns.list();
            assertEquals(names.stream().sorted().toList(), infos.stream().map(NamedObjectInfo::name).toList());
            for (NamedObjectInfo info : infos) {
                assertEquals(1, info.holders(), info.name());
                assertEquals(4096, info.capacity());
            }
        } finally {
            for (MemoryMappedFile map : maps) {
                map.close();
            }
        }
        assertEquals(List.of(), TestNamespaces.files(dir));
    }
}
