package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the header-only Boost that the C++ peers include is installed: Debian's {@code libboost-dev}, put in
 * with {@code apt-get} when missing (the harness says so on stderr). Stateless; thread-safe.
 */
final class BoostHeaders {
    private static final Path MARKER = Path.of("/usr/include/boost/interprocess/managed_shared_memory.hpp");

    private BoostHeaders() {}

    static synchronized void ensure() throws IOException, InterruptedException {
        if (Files.exists(MARKER)) {
            return;
        }
        System.err.println("bench: Boost headers missing; installing Debian's libboost-dev (apt-get update; apt-get install -y libboost-dev)");
        for (String[] command : new String[][] {{"apt-get", "update", "-q"}, {"apt-get", "install", "-y", "-q", "libboost-dev"}}) {
            Process process = new ProcessBuilder(command).inheritIO().redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: install libboost-dev for the Boost peers");
            }
        }
        if (!Files.exists(MARKER)) {
            throw new IOException("libboost-dev installed, but " + MARKER + " is missing");
        }
    }
}
