package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Child for backend selection: maps a persisted file (write, flush, read back) and then tries a named map;
 * prints one line per step, {@code ok ...} or the exception's class and message.
 */
public final class BackendChild {
    private BackendChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("mmf4j-backend", ".bin");
        try {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, io.mmf4j.FileMode.OPEN, null, 8192);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putLong(4096, 42);
                view.flush();
                System.out.println("ok persisted " + view.getLong(4096));
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
            try (MemoryMappedFile named = MemoryMappedFile.createNew("mmf4j-backend-" + ProcessHandle.current().pid(), 4096)) {
                System.out.println("ok named " + named.capacity());
            } catch (RuntimeException e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
