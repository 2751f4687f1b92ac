package io.mmf4j.bench.named;

import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 20: {@code sweep()} of 10,000 dead named maps, whose holder — a child JVM ({@link NamespaceFiller}) — was
 * killed with SIGKILL before each measurement. Goal: at most 1 s. One shot per iteration: each needs a fresh
 * namespace of the dead.
 *
 * {@snippet :
 * // java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 * //      org.openjdk.jmh.Main 'named.NamespaceSweepBenchmark' -f 1
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class NamespaceSweepBenchmark {
    static final int DEAD = 10_000;

    private int dead;

    private Path root;
    private SharedNamespace namespace;

    @Setup(Level.Iteration)
    public void fillWithTheDead() throws IOException, InterruptedException {
        root = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-bench-sweep");
        Path directory = root.resolve("ns");
        namespace = SharedNamespace.at(directory);
        dead = Boolean.getBoolean(io.mmf4j.bench.harness.JmhSuite.SMOKE_PROPERTY) ? 100 : DEAD; // smoke: it runs
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                NamespaceFiller.class.getName(), directory.toString(), Integer.toString(dead)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (InputStream out = child.getInputStream()) {
            String ready = new String(out.readNBytes(6));
            if (!ready.equals("ready\n")) {
                throw new IllegalStateException("filler said " + ready);
            }
            child.destroyForcibly(); // SIGKILL: the holders die without closing
            child.waitFor(30, TimeUnit.SECONDS);
        } finally {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    @TearDown(Level.Iteration)
    public void removeNamespace() throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int sweep() throws IOException {
        int reclaimed = namespace.sweep();
        if (reclaimed != dead) {
            throw new IllegalStateException("sweep reclaimed " + reclaimed + " of " + dead + " dead objects");
        }
        return reclaimed;
    }
}
