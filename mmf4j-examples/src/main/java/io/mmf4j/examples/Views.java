package io.mmf4j.examples;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The three ways of the README's "Views": the whole map, a window at any offset, a read-only stream. */
public final class Views {
    private Views() {}

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("mmf4j-views", ".txt");
        try {
            Files.writeString(file, "this is a mapping file test");
            long offset = 5;
            long size = 10;
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
                MemoryMappedViewAccessor all  = map.createViewAccessor();                 // the whole map, the map's access
                MemoryMappedViewAccessor part = map.createViewAccessor(offset, size);     // size 0: to the end of the map
                MemoryMappedViewStream   ro   = map.createViewStream(offset, 0, MemoryMappedFileAccess.READ);
                try (all; part; ro) {
                    System.out.println("all: " + all.capacity() + " bytes; part: " + part.capacity() + " bytes, "
                            + part.pointerOffset() + " from its page; stream: " + ro.size() + " bytes, writable "
                            + ro.canWrite());
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
