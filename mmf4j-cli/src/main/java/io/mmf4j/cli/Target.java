package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What {@code dump} and {@code write} work on: a file when a file exists at that path, otherwise a named map.
 * Closing it closes the map (views already open keep their memory, as always).
 */
record Target(String description, MemoryMappedFile map, long capacity) implements AutoCloseable {

    /** Opens {@code nameOrFile} for reading, or for reading and writing. */
    static Target open(String nameOrFile, boolean write) throws IOException, CliException {
        Path path = Path.of(nameOrFile);
        if (Files.isDirectory(path)) {
            throw new CliException(nameOrFile + " is a directory, not a file or a named map");
        }
        if (Files.exists(path)) {
            long size = Files.size(path);
            if (size == 0) {
                return new Target("file " + nameOrFile, null, 0); // nothing to map: an empty file has no pages
            }
            MemoryMappedFile map = MemoryMappedFile.createFromFile(path, FileMode.OPEN, null, 0,
                    write ? MemoryMappedFileAccess.READ_WRITE : MemoryMappedFileAccess.READ);
            return new Target("file " + nameOrFile, map, map.capacity());
        }
        throw new CliException("no such file: " + nameOrFile);
    }

    @Override
    public void close() throws IOException {
        if (map != null) {
            map.close();
        }
    }
}
