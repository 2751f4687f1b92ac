package io.mmf4j.bench.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.SharedNamespace;
import io.mmf4j.bench.harness.ChildJvm;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 20: P processes creating and removing names in one namespace at once — each a child JVM doing
 * {@code createNew} + {@code close} of 4-KiB named maps of its own names (the last close removes the name) —
 * and their throughput all together, for P = 1, 2 and 8, beside {@code named_churn.c}, which makes the same
 * syscalls from P forked C processes (which warm up for a quarter of the time; C needs no JIT). Rounds are interleaved (Java then C for every P, the order of P reversed
 * every other round), every process warms up before all start measuring together, and the figures are
 * create+close pairs per second summed over the processes. The issue's goal: throughput scales to the cores.
 *
 * {@snippet :
 * // java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 * //      io.mmf4j.bench.named.NamespaceChurn [ROUNDS [MILLIS]]     (from the repository's root: it compiles
 * //      mmf4j-bench/src/main/c/named_churn.c with gcc -O2)
 * }
 *
 * <p>Not a harness goal: the harness's contestants are figures per operation of one subject, and this goal is a
 * ratio between process counts on a machine's cores.
 */
public final class NamespaceChurn {
    private static final int[] PROCESSES = {1, 2, 8};
    private static final int WARM_UP_OPERATIONS = 5_000;

    private NamespaceChurn() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("worker")) {
            worker(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        Path work = Files.createTempDirectory("mmf4j-churn");
        Path binary = work.resolve("named_churn");
        run(List.of("gcc", "-O2", "-o", binary.toString(), "mmf4j-bench/src/main/c/named_churn.c"));
        double[][] java = new double[PROCESSES.length][rounds];
        double[][] c = new double[PROCESSES.length][rounds];
        try {
            for (int round = 0; round < rounds; round++) {
                for (int j = 0; j < PROCESSES.length; j++) {
                    int i = round % 2 == 0 ? j : PROCESSES.length - 1 - j;
                    java[i][round] = javaChurn(PROCESSES[i], millis);
                    String out = run(List.of(binary.toString(), Integer.toString(PROCESSES[i]), Long.toString(millis),
                            "/dev/shm"));
                    c[i][round] = Double.parseDouble(out.split("churn ops/s: ")[1].split(" ")[0]);
                    System.out.printf("round %d, %d processes: mmf4j %.0f/s, C %.0f/s%n", round + 1, PROCESSES[i],
                            java[i][round], c[i][round]);
                }
            }
        } finally {
            Files.deleteIfExists(binary);
            Files.deleteIfExists(work);
        }
        System.out.printf("%nmedian create+close pairs per second, all processes together (%d rounds of %d ms; %d cores)%n",
                rounds, millis, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < PROCESSES.length; i++) {
            System.out.printf("  %d processes: mmf4j %.0f/s (%.2fx 1 process), C %.0f/s (%.2fx 1 process), mmf4j/C %.2f%n",
                    PROCESSES[i], median(java[i]), median(java[i]) / median(java[0]), median(c[i]),
                    median(c[i]) / median(c[0]), median(java[i]) / median(c[i]));
        }
    }

    /** Create+close pairs per second of {@code processes} child JVMs churning one fresh namespace together. */
    private static double javaChurn(int processes, long millis) throws Exception {
        Path root = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-bench-churn");
        Path directory = root.resolve("ns");
        List<Process> children = new ArrayList<>();
        try {
            for (int id = 0; id < processes; id++) {
                children.add(ChildJvm.start(NamespaceChurn.class, "worker", directory.toString(), Integer.toString(id),
                        Long.toString(millis)));
            }
            List<BufferedReader> outs = new ArrayList<>();
            for (Process child : children) {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                String ready = out.readLine();
                if (!"ready".equals(ready)) {
                    throw new IllegalStateException("churn worker said " + ready);
                }
                outs.add(out);
            }
            for (Process child : children) {
                child.getOutputStream().close(); // all start measuring together
            }
            long total = 0;
            for (int i = 0; i < children.size(); i++) {
                total += Long.parseLong(outs.get(i).readLine().strip());
                if (!children.get(i).waitFor(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("churn worker did not end");
                }
            }
            return total * 1000.0 / millis;
        } finally {
            for (Process child : children) {
                child.destroyForcibly();
            }
            try (var files = Files.walk(root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A child: warms up for {@code millis} and at least {@value #WARM_UP_OPERATIONS} creations (the FFM downcalls
     * run interpreted until the JIT has compiled them, and eight JVMs on two cores each get a quarter of a core: a
     * warm-up by time alone measured the interpreter), says ready, waits for stdin's end, churns for {@code millis}.
     */
    private static void worker(Path directory, int id, long millis) throws IOException {
        SharedNamespace namespace = SharedNamespace.at(directory);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long k = 0;
        while (System.nanoTime() < end || k < WARM_UP_OPERATIONS) {
            once(namespace, id, k++);
        }
        System.out.println("ready");
        System.out.flush();
        System.in.read(); // -1 at the end: the parent closed it for every worker at once
        long count = 0;
        end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            once(namespace, id, k++);
            count++;
        }
        System.out.println(count);
    }

    private static void once(SharedNamespace namespace, int id, long k) throws IOException {
        MemoryMappedFile.createNew(namespace, "w" + id + "-" + (k % 4), 4096, MemoryMappedFileAccess.READ_WRITE).close();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(command + " failed: " + out);
        }
        return out;
    }
}
