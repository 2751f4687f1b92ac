package io.mmf4j.examples;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Files;
import java.nio.file.Path;

/** A persisted map that grows while a view of it is open (the README's "Maps that grow"). */
public final class GrowAMap {
    private GrowAMap() {}

    public static void main(String[] args) throws Exception {
        Path path = Files.createTempDirectory("mmf4j-grow").resolve("growing.bin");
        try {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(path, FileMode.CREATE_NEW, null, 4096);
                 MemoryMappedViewAccessor first = map.createViewAccessor()) {
                map.grow(1 << 20);                        // the file is now 1 MiB, its new space reserved, the new bytes zero
                try (MemoryMappedViewAccessor all = map.createViewAccessor()) {   // views made now may cover the new bytes
                    all.putLong((1 << 20) - 8, 42);
                }
                first.getLong(0);                         // views made before keep their size and keep working
                System.out.println("capacity " + map.capacity() + ", file " + Files.size(path) + " bytes, the first view "
                        + first.capacity() + " bytes");
            }
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(path.getParent());
        }
    }
}
