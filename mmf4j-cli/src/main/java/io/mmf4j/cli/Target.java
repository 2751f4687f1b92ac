package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What {@code dump} and {@code write} work on: a file when a file exists at that path, otherwise a named map of
 * the namespace given.
 * Closing it closes the map (views already open keep their memory, as always).
 */
record Target(String description, MemoryMappedFile map, long capacity) implements AutoCloseable {

    /** Opens {@code nameOrFile} for reading, or for reading and writing; a name is looked up in {@code namespace}. */
    static Target open(String nameOrFile, boolean write, SharedNamespace namespace) throws IOException, CliException {
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
        try {
            MemoryMappedFile map = MemoryMappedFile.openExisting(namespace, nameOrFile,
                    write ? MemoryMappedFileRights.READ_WRITE : MemoryMappedFileRights.READ);
            return new Target("map '" + nameOrFile + "'", map, map.capacity());
        } catch (NoSuchFileException e) {
            throw new CliException("no such file or named map: " + nameOrFile + " (named maps are looked up in "
                    + namespace.directory() + ")");
        } catch (IllegalArgumentException e) {
            throw new CliException("no such file, and not a map name either: '" + nameOrFile + "' (" + e.getMessage() + ")");
        }
    }

    @Override
    public void close() throws IOException {
        if (map != null) {
            map.close();
        }
    }
}
