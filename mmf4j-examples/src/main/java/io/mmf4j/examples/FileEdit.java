package io.mmf4j.examples;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first source text's edit: a file holding "1234567" is mapped, its first byte becomes 'T'. */
public final class FileEdit {
    private FileEdit() {}

    /** Usage: FileEdit [FILE] (default: a temporary file, deleted afterwards). */
    public static void main(String[] args) throws Exception {
        Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("mmf4j-edit", ".txt");
        try {
            Files.writeString(file, "1234567");
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putByte(0, (byte) 'T');
            }                                              // closing the view flushes it
            System.out.println(Files.readString(file));    // "T234567"
        } finally {
            if (args.length == 0) {
                Files.deleteIfExists(file);
            }
        }
    }
}
