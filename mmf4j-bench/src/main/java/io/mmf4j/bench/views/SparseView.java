package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.CheckRunner;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The check "a 64 GiB sparse view works", run by the harness in a child JVM under a memory watchdog
 * ({@code SparseView [GiB]}): makes a sparse file of that size in {@code java.io.tmpdir} (nothing written), maps all of
 * it with one READ_WRITE view, writes and reads back one long in every GiB, closes the view (its flush included) and
 * the map, and checks that the file on disk still holds only the pages written (at most 1 MiB allocated) and that the
 * process stayed small. Prints {@code CHECK <nanos> <what it saw>}; exits 1 if anything is off. Deletes its file.
 */
public final class SparseView {
    private static final long GIB = 1L << 30;

    private SparseView() {}

    public static void main(String[] args) throws Exception {
        long gib = args.length > 0 ? Long.parseLong(args[0]) : 64;
        Path file = Files.createTempFile("mmf4j-sparse", ".bin");
        try {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(gib * GIB);
            }
            long start = System.nanoTime();
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
                 MemoryMappedViewAccessor view = map.createViewAccessor(0, gib * GIB, MemoryMappedFileAccess.READ_WRITE)) {
                if (view.capacity() != gib * GIB) {
                    fail("view capacity " + view.capacity() + ", expected " + gib * GIB);
                }
                for (long g = 0; g < gib; g++) {
                    view.putLong(g * GIB + 8, g + 1);
                }
                for (long g = 0; g < gib; g++) {
                    if (view.getLong(g * GIB + 8) != g + 1) {
                        fail("read back " + view.getLong(g * GIB + 8) + " at GiB " + g);
                    }
                    if (view.getLong(g * GIB + 4096) != 0) {
                        fail("an untouched page is not zero at GiB " + g);
                    }
                }
            }
            long nanos = System.nanoTime() - start;
            long allocatedKiB = allocatedKiB(file);
            long size = Files.size(file);
            if (size != gib * GIB) {
                fail("file size changed to " + size);
            }
            if (allocatedKiB > 1024) {
                fail("the file is no longer sparse: " + allocatedKiB + " KiB allocated");
            }
            long peakKiB = peakRssKiB();
            CheckRunner.pass(nanos, String.format("%d GiB view: %d longs written and read back, %.1f ms from map to"
                    + " close, %d KiB on disk, peak RSS %d MiB", gib, gib, nanos / 1e6, allocatedKiB, peakKiB / 1024));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void fail(String why) {
        System.out.println("sparse view check failed: " + why);
        System.exit(1);
    }

    /** The file's allocated size, from {@code stat -c %b} (512-byte blocks). */
    private static long allocatedKiB(Path file) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-c", "%b", file.toString()).redirectErrorStream(true).start();
        String out = new String(stat.getInputStream().readAllBytes()).trim();
        if (!stat.waitFor(10, TimeUnit.SECONDS) || stat.exitValue() != 0) {
            throw new IOException("stat failed: " + out);
        }
        return Long.parseLong(out) / 2;
    }

    private static long peakRssKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
