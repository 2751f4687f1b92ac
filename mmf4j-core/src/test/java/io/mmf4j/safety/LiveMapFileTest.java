package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.HoldFileChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls that would cut a file under live maps: {@code FileMode.CREATE} is refused while mmf4j maps of this or
 * another process hold the file; a failed {@code createFromFile} cuts back what it grew only when no other map
 * holds the file.
 */
class LiveMapFileTest {
    @TempDir
    Path dir;

    private Path file(int size) throws Exception {
        Path file = dir.resolve("live-" + System.nanoTime() + ".bin");
        byte[] bytes = new byte[size];
        bytes[0] = 42;
        Files.write(file, bytes);
        return file;
    }

    @Test
    void createIsRefusedWhileAMapOfThisProcessHoldsTheFile() throws Exception {
        Path file = file(8192);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            FileSystemException refused = assertThrows(FileSystemException.class,
                    () -> MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 4096));
            assertTrue(refused.getMessage().contains("FileMode.CREATE"), refused.getMessage());
            assertEquals(8192, Files.size(file));
            assertEquals(42, view.getByte(0));
        }
        try (MemoryMappedFile created = MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 4096);
             MemoryMappedViewAccessor view = created.createViewAccessor()) {
            assertEquals(0, view.getByte(0)); // no map holds it any more: CREATE truncates as documented
            assertEquals(4096, Files.size(file));
        }
    }

    @Test
    void createIsRefusedWhileAMapOfAnotherProcessHoldsTheFile() throws Exception {
        Path file = file(8192);
        Process child = ChildJvm.start(dir.resolve("child.err"), HoldFileChild.class, file.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertEquals("mapped 8192", out.readLine(), () -> read(dir.resolve("child.err")));
            assertThrows(FileSystemException.class, () -> MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 4096));
            assertEquals(8192, Files.size(file));
            child.getOutputStream().close();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, child.exitValue());
        } finally {
            child.destroyForcibly();
        }
        MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, 4096).close();
        assertEquals(4096, Files.size(file));
    }

    @Test
    void aFailedCreateFromFileLeavesTheGrownFileWhileAnotherMapHoldsIt() throws Exception {
        String taken = "safety-live-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Path file = file(4096);
        try (MemoryMappedFile name = MemoryMappedFile.createFromFile(file(4096), FileMode.OPEN, taken);
             MemoryMappedFile holder = MemoryMappedFile.createFromFile(file)) {
            assertThrows(FileAlreadyExistsException.class, () -> MemoryMappedFile.createFromFile(file, FileMode.OPEN,
                    taken, 8192, MemoryMappedFileAccess.READ_WRITE), name::toString);
            assertEquals(8192, Files.size(file), holder.toString()); // not cut back under the holder's feet
        }
        Path alone = file(4096);
        try (MemoryMappedFile name = MemoryMappedFile.createFromFile(file(4096), FileMode.OPEN, taken)) {
            assertThrows(FileAlreadyExistsException.class, () -> MemoryMappedFile.createFromFile(alone, FileMode.OPEN,
                    taken, 8192, MemoryMappedFileAccess.READ_WRITE), name::toString);
            assertEquals(4096, Files.size(alone)); // nobody else holds it: put back as it was
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
