package io.mmf4j.bench.sync;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.TuningFlags;
import io.mmf4j.sync.AbandonedMutexException;
import io.mmf4j.sync.NamedMutex;
import io.mmf4j.sync.NamedSemaphore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Contention between processes, against the C peers of {@code src/main/c/contention.c} compiled here with gcc: N
 * processes (separate JVMs) each do WARM guarded increments (repeated for at least a second, so that the JIT has
 * compiled the lock path) of a plain long in a named map, wait until every
 * process is warm, then do ITERS more; the figure is the time from the common start to the last process's end
 * (CLOCK_MONOTONIC, which {@code System.nanoTime} reads too), and the total is checked. Rounds interleave every
 * contestant (C mutex, NamedMutex, C sem_t, NamedSemaphore at 2 and 4 processes), then medians and ranges print.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 *     io.mmf4j.bench.sync.ContentionBench [rounds [warm [iters [C source]]]]
 * </pre>
 */
public final class ContentionBench {
    /** The map's layout: READY, GO and START at the start, the counter alone on its line, then END per process. */
    private static final long READY = 0;
    private static final long GO = 8;
    private static final long START = 16;
    private static final long COUNTER = 128;
    private static final long END = 256;
    /** Per process: how many increments its warm-up made (at least WARM, and at least WARM_NANOS of them). */
    private static final long WARMED = 1024;
    /**
     * A child warms up for at least this long, not only WARM increments: C2 compiles the lock path in the
     * background, and a warm-up of a few milliseconds ends before it has (the quick run's 20,000 increments take
     * 2-5 ms), so the measured loop would time the interpreter and C1. C needs no warm-up and gets none.
     */
    private static final long WARM_NANOS = 1_000_000_000L;

    private ContentionBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], args[2], Integer.parseInt(args[3]), Long.parseLong(args[4]), Long.parseLong(args[5]));
            return;
        }
        if (args.length == 5 && args[0].equals("java")) { // one mmf4j run alone (for strace or perf): java KIND N WARM ITERS
            System.out.printf("%.1f ms%n", java(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]),
                    Long.parseLong(args[4])));
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long warm = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        long iters = args.length > 2 ? Long.parseLong(args[2]) : 400_000;
        Path source = Path.of(args.length > 3 ? args[3] : "mmf4j-bench/src/main/c/contention.c");
        Path binary = Files.createTempFile("contention", "");
        try {
            run(List.of("gcc", "-O2", "-pthread", "-o", binary.toString(), source.toString()));
            Map<String, List<Double>> results = new TreeMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (int processes : new int[] {2, 4}) {
                    for (String kind : new String[] {"mutex", "sem"}) {
                        String line = run(List.of(binary.toString(), kind, Integer.toString(processes),
                                Long.toString(warm), Long.toString(iters))).trim();
                        double c = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                        double java = java(kind, processes, warm, iters);
                        results.computeIfAbsent(kind + " " + processes + " C", k -> new ArrayList<>()).add(c);
                        results.computeIfAbsent(kind + " " + processes + " mmf4j", k -> new ArrayList<>()).add(java);
                        results.computeIfAbsent(kind + " " + processes + " ratio", k -> new ArrayList<>()).add(java / c);
                        System.out.printf("round %d: %s x%d  C %.1f ms  mmf4j %.1f ms  ratio %.2f%n", round, kind,
                                processes, c, java, java / c);
                    }
                }
            }
            System.out.println("median [min - max] over " + rounds + " rounds (ms; ratio = mmf4j / C in the same round):");
            results.forEach((key, values) -> {
                double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                System.out.printf("  %-16s %8.2f [%.2f - %.2f]%n", key, sorted[sorted.length / 2], sorted[0],
                        sorted[sorted.length - 1]);
            });
        } finally {
            Files.deleteIfExists(binary);
        }
    }

    /** One Java run: {@code processes} child JVMs; returns milliseconds from the start to the last end. */
    @SuppressWarnings("try") // the lock is held open for the children, never used here
    static double java(String kind, int processes, long warm, long iters) throws Exception {
        String prefix = "bench-contention-" + UUID.randomUUID();
        try (MemoryMappedFile map = MemoryMappedFile.createNew(prefix + "-map", 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor();
             AutoCloseable lock = kind.equals("mutex") ? NamedMutex.create(prefix + "-lock", false)
                     : NamedSemaphore.create(prefix + "-lock", 1, 1)) {
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                List<String> command = new ArrayList<>();
                if (Files.isExecutable(Path.of("/usr/bin/taskset"))) {
                    // the harness pins a latency harness to one CPU, and children inherit it: contention needs them all
                    command.addAll(List.of("/usr/bin/taskset", "-c", "0-1023"));
                }
                command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
                command.add("--enable-native-access=ALL-UNNAMED");
                String extra = System.getProperty("contention.childJvmArgs", "");
                if (!extra.isBlank()) {
                    command.addAll(List.of(extra.trim().split("\\s+")));
                }
                command.addAll(TuningFlags.forChild());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                        ContentionBench.class.getName(), "child", kind, prefix, Integer.toString(p), Long.toString(warm),
                        Long.toString(iters)));
                children.add(new ProcessBuilder(command).redirectErrorStream(true).start());
            }
            while (view.getLongVolatile(READY) < processes) {
                Thread.sleep(1);
            }
            view.putLongVolatile(START, System.nanoTime());
            view.putLongVolatile(GO, 1);
            for (Process child : children) {
                String output = new String(child.getInputStream().readAllBytes());
                if (Boolean.getBoolean("contention.verbose")) {
                    System.out.print(output);
                }
                if (!child.waitFor(120, TimeUnit.SECONDS) || child.exitValue() != 0) {
                    children.forEach(Process::destroyForcibly);
                    throw new IOException("child failed: " + output);
                }
            }
            long last = 0;
            for (int p = 0; p < processes; p++) {
                last = Math.max(last, view.getLongVolatile(END + 8L * p));
            }
            long expected = processes * iters;
            for (int p = 0; p < processes; p++) {
                expected += view.getLongVolatile(WARMED + 8L * p);
            }
            if (view.getLongVolatile(COUNTER) != expected) {
                throw new IllegalStateException("lost updates: " + view.getLongVolatile(COUNTER) + " of " + expected);
            }
            return (last - view.getLongVolatile(START)) / 1e6;
        }
    }

    private static void child(String kind, String prefix, int index, long warm, long iters) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(prefix + "-map");
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            if (kind.equals("mutex")) {
                try (NamedMutex mutex = NamedMutex.openExisting(prefix + "-lock")) {
                    warmThenMeasure(view, index, warm, iters, n -> increments(view, mutex, n));
                }
            } else {
                try (NamedSemaphore semaphore = NamedSemaphore.openExisting(prefix + "-lock")) {
                    warmThenMeasure(view, index, warm, iters, n -> increments(view, semaphore, n));
                }
            }
        }
    }

    /** {@code n} guarded increments of the counter, through the child's mutex or semaphore. */
    @FunctionalInterface
    private interface Increments {
        void run(long n) throws InterruptedException;
    }

    /**
     * One child's part: warm up (WARM increments at a time, for at least WARM_NANOS), report the count and that it
     * is ready, wait for GO, then time ITERS increments and stamp the end at once — as contention.c does, not after
     * the printf (its first use loads and compiles the formatter, tens of ms) nor after the handles close.
     */
    private static void warmThenMeasure(MemoryMappedViewAccessor view, int index, long warm, long iters,
                                        Increments increments) throws InterruptedException {
        long warmed = 0;
        for (long since = System.nanoTime(); warmed < warm || System.nanoTime() - since < WARM_NANOS; ) {
            increments.run(warm);
            warmed += warm;
        }
        view.putLongVolatile(WARMED + 8L * index, warmed);
        view.getAndAddLong(READY, 1);
        awaitGo(view);
        long t0 = System.nanoTime();
        increments.run(iters);
        long end = System.nanoTime();
        view.putLongVolatile(END + 8L * index, end);
        System.out.printf("child %d: loop %.1f ms, from start %.1f ms%n", index, (end - t0) / 1e6,
                (end - view.getLongVolatile(START)) / 1e6);
    }

    private static void awaitGo(MemoryMappedViewAccessor view) throws InterruptedException {
        while (view.getLongVolatile(GO) == 0) {
            Thread.sleep(0, 100_000);
        }
    }

    private static void increments(MemoryMappedViewAccessor view, NamedMutex mutex, long n) {
        for (long i = 0; i < n; i++) {
            try {
                mutex.lock();
            } catch (AbandonedMutexException abandoned) {
                // held: the count is what it is
            }
            try {
                view.putLong(COUNTER, view.getLong(COUNTER) + 1);
            } finally {
                mutex.unlock();
            }
        }
    }

    private static void increments(MemoryMappedViewAccessor view, NamedSemaphore semaphore, long n) throws InterruptedException {
        for (long i = 0; i < n; i++) {
            semaphore.acquire();
            view.putLong(COUNTER, view.getLong(COUNTER) + 1);
            semaphore.release();
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output + " " + Arrays.toString(command.toArray()));
        }
        return output;
    }
}
