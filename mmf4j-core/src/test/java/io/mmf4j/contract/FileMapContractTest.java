package io.mmf4j.contract;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import java.io.IOException;

/** {@link MapContract} for a map of a file by path (runs on both backends). */
class FileMapContractTest extends MapContract {

    @org.junit.jupiter.api.Test
    void runsOnTheBackendTheBuildAskedFor() {
        String asked = System.getProperty("mmf4j.platform", "linux");
        org.junit.jupiter.api.Assertions.assertEquals(asked.equals("jdk") ? "jdk" : "linux-x86_64",
                io.mmf4j.internal.platform.Platform.current().name());
    }

    @Override
    protected MemoryMappedFile open(long capacity) throws IOException {
        return MemoryMappedFile.createFromFile(dir.resolve("map.bin"), FileMode.CREATE_NEW, null, capacity);
    }
}
