package io.mmf4j.bench.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 20: the cost of {@code createNew}+{@code close} and {@code openExisting}+{@code close} of a 4-KiB named
 * map, and of {@code list()}, with 1, 1,000 and 10,000 other live maps held open in the namespace (a private one,
 * {@code SharedNamespace.at} on /dev/shm). Goals: create and open at 1,000 and 10,000 live at most 1.2 times the
 * cost at 1 live (same run); {@code list()} of 10,000 at most 100 ms. {@code createNew} includes its share of
 * the amortised sweeps. {@link NamespaceSweepBenchmark} measures the sweep of 10,000 dead objects.
 *
 * {@snippet :
 * // java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 * //      org.openjdk.jmh.Main 'named.NamespaceScaleBenchmark' -f 1 -wi 3 -i 5 -w 1s -r 1s
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NamespaceScaleBenchmark {
    private static final long SIZE = 4096;

    @Param({"1", "1000", "10000"})
    public int live;

    private Path root;
    private SharedNamespace namespace;
    private final List<MemoryMappedFile> held = new ArrayList<>();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-bench-scale");
        namespace = SharedNamespace.at(root.resolve("ns"));
        if (Boolean.getBoolean(io.mmf4j.bench.harness.JmhSuite.SMOKE_PROPERTY)) {
            live = Math.min(live, 100); // the smoke test checks that it runs, not how it scales
        }
        for (int i = 0; i < live; i++) {
            held.add(MemoryMappedFile.createNew(namespace, "live-" + i, SIZE, MemoryMappedFileAccess.READ_WRITE));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (MemoryMappedFile map : held) {
            map.close();
        }
        held.clear();
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long createNewClose() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(namespace, "fresh", SIZE, MemoryMappedFileAccess.READ_WRITE)) {
            return map.capacity();
        }
    }

    @Benchmark
    public long openExistingClose() throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(namespace, "live-0", MemoryMappedFileRights.READ_WRITE)) {
            return map.capacity();
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int list() throws IOException {
        List<NamedObjectInfo> infos = namespace.list();
        if (infos.size() != live) {
            throw new IllegalStateException("list() saw " + infos.size() + " of " + live + " live objects");
        }
        return infos.size();
    }
}
