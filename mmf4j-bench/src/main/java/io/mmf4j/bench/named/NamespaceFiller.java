package io.mmf4j.bench.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.SharedNamespace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child of {@link NamespaceSweepBenchmark}: creates N 4-KiB named maps in the namespace at a directory, holds
 * them, prints {@code ready} and waits to be killed. {@code java NamespaceFiller DIRECTORY N}.
 */
public final class NamespaceFiller {
    private NamespaceFiller() {}

    public static void main(String[] args) throws Exception {
        SharedNamespace namespace = SharedNamespace.at(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        List<MemoryMappedFile> held = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            held.add(MemoryMappedFile.createNew(namespace, "dead-" + i, 4096, MemoryMappedFileAccess.READ_WRITE));
        }
        System.out.print("ready\n");
        System.out.flush();
        Thread.sleep(600_000); // killed long before; a watchdog of one's own if the benchmark itself dies
        System.out.println(held.size());
    }
}
