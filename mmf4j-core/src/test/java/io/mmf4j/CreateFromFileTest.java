package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every createFromFile overload, and the FileMode, capacity and access rules of persisted maps. */
class CreateFromFileTest {
    @TempDir
    Path dir;

    private Path fileOf(int size) throws IOException {
        return PatternFiles.of(dir, size);
    }

    private static byte firstByte(MemoryMappedFile map) throws IOException {
        try (MemoryMappedViewAccessor view = map.createViewAccessor(0, 1, MemoryMappedFileAccess.READ)) {
            return view.getByte(0);
        }
    }

    // ---- overloads -------------------------------------------------------------------------------

    @Test
    void pathOverloadOpensExistingFileReadWriteAtItsSize() throws IOException {
        Path file = fileOf(5000);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            assertEquals(5000, map.capacity());
            assertEquals(MemoryMappedFileAccess.READ_WRITE, map.access());
            assertEquals(Optional.empty(), map.name());
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(5000, view.capacity());
                assertEquals((byte) (4999 * 13 + 1), view.getByte(4999));
                view.putByte(0, (byte) 99);
            }
        }
        assertEquals(99, Files.readAllBytes(file)[0]);
    }

    @Test
    void pathOverloadNeedsTheFile() {
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.createFromFile(dir.resolve("missing")));
        assertFalse(Files.exists(dir.resolve("missing")));
    }

    @Test
    void modeOverloadsUseTheFileSize() throws IOException {
        Path file = fileOf(300);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
            assertEquals(300, map.capacity());
            assertEquals(MemoryMappedFileAccess.READ_WRITE, map.access());
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN_OR_CREATE, null)) {
            assertEquals(300, map.capacity());
            assertEquals(1, firstByte(map));
        }
    }

    @Test
    void capacityOverloadGrowsReadWrite() throws IOException {
        Path file = fileOf(10);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 4096)) {
            assertEquals(4096, map.capacity());
            assertEquals(MemoryMappedFileAccess.READ_WRITE, map.access());
        }
        assertEquals(4096, Files.size(file));
    }

    @Test
    void fullOverloadTakesTheAccess() throws IOException {
        Path file = fileOf(100);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ)) {
            assertEquals(MemoryMappedFileAccess.READ, map.access());
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ_WRITE));
        }
    }

    // ---- FileMode --------------------------------------------------------------------------------

    @Test
    void createNewRefusesAnExistingFileAndLeavesItAlone() throws IOException {
        Path file = fileOf(64);
        byte[] before = Files.readAllBytes(file);
        assertThrows(FileAlreadyExistsException.class,
                () -> MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void createNewMakesAFileOfExactlyTheCapacity() throws IOException {
        Path file = dir.resolve("new.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 12345)) {
            assertEquals(12345, map.capacity());
        }
        assertEquals(12345, Files.size(file));
        assertArrayEquals(new byte[12345], Files.readAllBytes(file));
    }

    @Test
    void createTruncatesAnExistingFile() throws IOException {
        Path file = fileOf(10_000);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 100)) {
            assertEquals(100, map.capacity());
            assertEquals(0, firstByte(map), "old contents must be gone");
        }
        assertArrayEquals(new byte[100], Files.readAllBytes(file));
    }

    @Test
    void createMakesAMissingFile() throws IOException {
        Path file = dir.resolve("created.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 4096)) {
            assertEquals(4096, map.capacity());
        }
        assertEquals(4096, Files.size(file));
    }

    @Test
    void openNeedsTheFile() {
        Path file = dir.resolve("absent.bin");
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 4096));
        assertFalse(Files.exists(file));
    }

    @Test
    void openOrCreateOpensOrCreates() throws IOException {
        Path existing = fileOf(50);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(existing, FileMode.OPEN_OR_CREATE, null, 0)) {
            assertEquals(50, map.capacity());
            assertEquals(1, firstByte(map), "contents kept");
        }
        Path missing = dir.resolve("made.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(missing, FileMode.OPEN_OR_CREATE, null, 8192)) {
            assertEquals(8192, map.capacity());
        }
        assertEquals(8192, Files.size(missing));
    }

    @ParameterizedTest
    @EnumSource(value = FileMode.class, names = {"TRUNCATE", "APPEND"})
    void truncateAndAppendAreRefused(FileMode mode) throws IOException {
        Path existing = fileOf(70);
        byte[] before = Files.readAllBytes(existing);
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(existing, mode, null, 0));
        assertArrayEquals(before, Files.readAllBytes(existing));
        Path missing = dir.resolve("never.bin");
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(missing, mode, null, 4096));
        assertFalse(Files.exists(missing));
    }

    // ---- capacity --------------------------------------------------------------------------------

    @Test
    void zeroCapacityOfAnEmptyFileIsRefused() throws IOException {
        Path empty = dir.resolve("empty.bin");
        Files.createFile(empty);
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(empty, FileMode.OPEN, null, 0));
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(empty));
        assertTrue(Files.exists(empty), "a file the call did not make stays");
        for (FileMode mode : new FileMode[] {FileMode.CREATE, FileMode.CREATE_NEW, FileMode.OPEN_OR_CREATE}) {
            Path fresh = dir.resolve("zero-" + mode);
            assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(fresh, mode, null, 0));
            assertFalse(Files.exists(fresh), mode + " left a file behind");
        }
    }

    @Test
    void aFileCreatedByAFailedCallIsRemoved() {
        // OPEN_OR_CREATE really creates the file before the capacity rule can refuse it
        Path fresh = dir.resolve("created-then-refused.bin");
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(fresh, FileMode.OPEN_OR_CREATE, null, 0, MemoryMappedFileAccess.READ));
        assertFalse(Files.exists(fresh));
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(fresh, FileMode.OPEN_OR_CREATE, null, 0, MemoryMappedFileAccess.READ_WRITE));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void largerCapacityGrowsToExactlyThatSizeAndKeepsTheContents() throws IOException {
        Path file = fileOf(1000);
        byte[] before = Files.readAllBytes(file);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 1_000_003)) {
            assertEquals(1_000_003, map.capacity());
            assertEquals(1_000_003, Files.size(file));
        }
        byte[] after = Files.readAllBytes(file);
        assertEquals(1_000_003, after.length);
        for (int i = 0; i < after.length; i++) {
            assertEquals(i < 1000 ? before[i] : 0, after[i], "byte " + i);
        }
    }

    @Test
    void smallerCapacityIsRefusedAndTheFileKept() throws IOException {
        Path file = fileOf(1000);
        byte[] before = Files.readAllBytes(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 999));
        assertTrue(e.getMessage().contains("999"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void readAndCopyOnWriteCannotGrowAFile() throws IOException {
        Path file = fileOf(1000);
        for (MemoryMappedFileAccess access : new MemoryMappedFileAccess[] {
                MemoryMappedFileAccess.READ, MemoryMappedFileAccess.COPY_ON_WRITE, MemoryMappedFileAccess.READ_EXECUTE}) {
            assertThrows(IllegalArgumentException.class,
                    () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 2000, access), access.name());
            assertEquals(1000, Files.size(file));
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 1000, access)) {
                assertEquals(1000, map.capacity(), "the file's own size is fine for " + access);
            }
        }
        Path fresh = dir.resolve("ro-new.bin");
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(fresh, FileMode.CREATE_NEW, null, 4096, MemoryMappedFileAccess.READ));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void negativeCapacityIsRefused() throws IOException {
        Path file = fileOf(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, -1));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        Path fresh = dir.resolve("neg.bin");
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(fresh, FileMode.CREATE_NEW, null, -5));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aFailedCallRestoresAFileItGrew() throws IOException {
        // A map name is the step after growing the file that can fail: taken (or, before named maps exist,
        // not supported). Either way the file must be back at its old size with its old contents.
        Path first = fileOf(100);
        Path second = fileOf(200);
        byte[] before = Files.readAllBytes(second);
        String name = "coretests-grow-" + ProcessHandle.current().pid();
        MemoryMappedFile holder = null;
        try {
            try {
                holder = MemoryMappedFile.createFromFile(first, FileMode.OPEN, name, 0);
            } catch (UnsupportedOperationException | IOException notAvailable) {
                assertEquals(100, Files.size(first));
            }
            Path target = holder == null ? first : second;
            byte[] old = Files.readAllBytes(target);
            assertThrows(Exception.class, () -> MemoryMappedFile.createFromFile(target, FileMode.OPEN, name, 1 << 20));
            assertArrayEquals(old, Files.readAllBytes(target), "the grown file was not restored");
        } finally {
            if (holder != null) {
                holder.close();
            }
        }
        assertArrayEquals(before, Files.readAllBytes(second));
    }

    // ---- access --------------------------------------------------------------------------------

    @Test
    void writeAccessIsRefusedForMaps() throws IOException {
        Path file = fileOf(100);
        assertThrows(IllegalArgumentException.class,
                () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.WRITE));
    }

    @Test
    void readMapGivesReadViewsOnly() throws IOException {
        Path file = fileOf(100);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            assertTrue(view.canRead());
            assertFalse(view.canWrite());
            assertEquals(1, view.getByte(0));
            assertThrows(java.nio.ReadOnlyBufferException.class, () -> view.putByte(0, (byte) 5));
            assertThrows(IllegalArgumentException.class, () -> map.createViewStream(0, 0, MemoryMappedFileAccess.READ_WRITE));
        }
    }

    @Test
    void executeAccessMapsOnADiskFileOrSaysWhyNot() throws IOException {
        Path file = fileOf(4096);
        for (MemoryMappedFileAccess access : new MemoryMappedFileAccess[] {
                MemoryMappedFileAccess.READ_EXECUTE, MemoryMappedFileAccess.READ_WRITE_EXECUTE}) {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, access)) {
                assertEquals(access, map.access());
                MemoryMappedViewAccessor view;
                try {
                    view = map.createViewAccessor();
                } catch (AccessDeniedException noexec) {
                    // a noexec mount refuses PROT_EXEC with EPERM: an honest exception naming the file
                    assertTrue(noexec.getMessage().contains(file.toString()), noexec.getMessage());
                    continue;
                }
                try (view) {
                    assertEquals(access, view.access());
                    assertEquals(1, view.getByte(0));
                    assertEquals(access.canWrite(), view.canWrite());
                    if (access.canWrite()) {
                        view.putByte(1, (byte) 42);
                    }
                    try (MemoryMappedViewAccessor read = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
                        assertEquals(access.canWrite() ? 42 : 14, read.getByte(1));
                    }
                }
            }
        }
    }

    @Test
    void emptyMapNameIsRefused() throws IOException {
        Path file = fileOf(100);
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN, ""));
        Path fresh = dir.resolve("unnamed.bin");
        assertThrows(IllegalArgumentException.class, () -> MemoryMappedFile.createFromFile(fresh, FileMode.CREATE_NEW, "", 100));
        assertFalse(Files.exists(fresh));
    }
}
