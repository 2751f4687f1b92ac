package io.mmf4j.bench.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compiles {@code src/main/c/vm_cycle.c} with gcc and runs it, so the C figures come from the same machine and
 * the same moment as the JMH run. Argument: the path of the C file (default: as seen from the repository root),
 * then the number of rounds.
 */
public final class CBaseline {
    private CBaseline() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path source = Path.of(args.length > 0 ? args[0] : "mmf4j-bench/src/main/c/vm_cycle.c");
        String rounds = args.length > 1 ? args[1] : "10";
        Path binary = Files.createTempFile("vm_cycle", "");
        try {
            run("gcc", "-O2", "-o", binary.toString(), source.toString());
            run(binary.toString(), rounds);
        } finally {
            Files.deleteIfExists(binary);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
