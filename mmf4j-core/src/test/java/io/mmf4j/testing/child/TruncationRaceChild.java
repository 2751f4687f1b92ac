package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Atomics racing truncation: one thread cuts a mapped file to nothing and grows it back, over and over, while
 * others run every read-modify-write atomic of a view on the page that comes and goes — the window between any
 * check and the CAS instruction itself, which a probe-first CAS loses (SIGBUS in the JVM's native CAS). Prints
 * "ops N faults F" and ends normally if no atomic aborted the JVM.
 *
 * <p>Arguments: FILE OPS_PER_THREAD THREADS.
 */
public final class TruncationRaceChild {
    private static final int SIZE = 8192;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int opsPerThread = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Files.write(file, new byte[SIZE]);
        AtomicLong faults = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor();
             RandomAccessFile cutter = new RandomAccessFile(file.toFile(), "rw")) {
            Thread truncator = Thread.ofPlatform().start(() -> {
                try {
                    while (!done.get()) {
                        cutter.setLength(0);
                        cutter.setLength(SIZE);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread[] workers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                workers[t] = Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < opsPerThread; i++) {
                        try {
                            switch (i % 6) {
                                case 0 -> view.compareAndSetLong(4096, i - 6, i);
                                case 1 -> view.getAndAddLong(4104, 1);
                                case 2 -> view.getAndSetLong(4112, i);
                                case 3 -> view.compareAndSetInt(4120, i - 6, i);
                                case 4 -> view.getAndAddInt(4124, 1);
                                default -> view.getAndSetInt(4128, i);
                            }
                        } catch (InternalError vanished) {
                            faults.incrementAndGet();
                        }
                    }
                });
            }
            for (Thread worker : workers) {
                worker.join();
            }
            done.set(true);
            truncator.join();
        }
        System.out.println("ops " + (long) opsPerThread * threads + " faults " + faults.get());
    }
}
