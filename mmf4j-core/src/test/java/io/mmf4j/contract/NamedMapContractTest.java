package io.mmf4j.contract;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link MapContract} for a named map in a private namespace on /dev/shm (Linux backend). */
class NamedMapContractTest extends MapContract {
    private Path root;
    private SharedNamespace namespace;

    @BeforeEach
    void namespace() throws IOException {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-contract");
        namespace = SharedNamespace.at(root.resolve("ns"));
    }

    @AfterEach
    void removeNamespace() throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Override
    protected MemoryMappedFile open(long capacity) throws IOException {
        return MemoryMappedFile.createNew(namespace, "contract", capacity, MemoryMappedFileAccess.READ_WRITE);
    }
}
