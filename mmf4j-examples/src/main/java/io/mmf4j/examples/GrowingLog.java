package io.mmf4j.examples;

import static io.mmf4j.MemoryMappedFileAccess.READ;
import static io.mmf4j.MemoryMappedFileAccess.READ_WRITE;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedGrowingView;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The README's append-only log: records in a named map that grows as it fills, written by one process (a second
 * JVM that this one starts) and followed by this one, through growing views whose address never moves. Offset 0
 * holds how far the log is published; records (an int length, then the bytes, padded to 8) start at 64.
 */
public final class GrowingLog {
    private GrowingLog() {}

    /** Usage: GrowingLog [RECORDS] (default 20000); "write DIR NAME RECORDS" is the writer. */
    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("write")) {
            write(SharedNamespace.at(Path.of(args[1])), args[2], Integer.parseInt(args[3]));
            return;
        }
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-log");
        try {
            SharedNamespace ns = SharedNamespace.at(dir.resolve("ns"));
            Process writer = Examples.start(GrowingLog.class, List.of("write", dir.resolve("ns").toString(), "log",
                    Integer.toString(records)));
            long[] bytes = {0};
            int seen = follow(ns, "log", records, record -> bytes[0] += record.byteSize());
            Examples.output(writer);
            System.out.println("followed " + seen + " records (" + bytes[0] + " bytes) while the writer grew the map");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Record {@code i}: {@code 4 + i % 300} bytes. */
    static byte[] record(int i) {
        byte[] record = new byte[4 + i % 300];
        MemorySegment.ofArray(record).set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
        return record;
    }

    static final long PUBLISHED = 0, FIRST = 64, STEP = 64 << 10, MAXIMUM = 1L << 36;   // MAXIMUM: address space only
    static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    static void write(SharedNamespace ns, String name, int records) throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createOrOpen(ns, name, STEP, READ_WRITE);
             MemoryMappedGrowingView log = map.createGrowingView(0, MAXIMUM, READ_WRITE)) {
            long end = FIRST;
            for (int i = 0; i < records; i++) {
                byte[] record = record(i);
                long next = (end + 4 + record.length + 7) & ~7;
                if (next > log.size()) {
                    log.ensureSize((next + STEP - 1) / STEP * STEP); // grows the map; the view's address stays
                }
                MemorySegment bytes = log.segment();
                bytes.set(ValueLayout.JAVA_INT, end, record.length);
                MemorySegment.copy(record, 0, bytes, ValueLayout.JAVA_BYTE, end + 4, record.length);
                LONG.setRelease(bytes, PUBLISHED, next); // readers may now read up to next
                end = next;
            }
        }
    }

    static int follow(SharedNamespace ns, String name, int records, Consumer<MemorySegment> reader) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createOrOpen(ns, name, STEP, READ_WRITE);
             MemoryMappedGrowingView log = map.createGrowingView(0, MAXIMUM, READ)) {
            long at = FIRST;
            int seen = 0;
            while (seen < records) {
                long published = (long) LONG.getAcquire(log.segment(), PUBLISHED);
                if (published > log.size()) {
                    log.refresh(); // the writer grew the map: map the new bytes into the same place
                    if (published > log.size()) {
                        throw new IOException("published end " + published + " is past the map (" + log.size() + ")");
                    }
                }
                MemorySegment bytes = log.segment();
                while (at < published && seen < records) {
                    int length = bytes.get(ValueLayout.JAVA_INT, at);
                    if (length < 0 || length > published - at - 4) { // shared memory is untrusted input
                        throw new IOException("corrupt record length " + length + " at " + at);
                    }
                    reader.accept(bytes.asSlice(at + 4, length));
                    at = (at + 4 + length + 7) & ~7;
                    seen++;
                }
                if (seen < records && at == published) {
                    Thread.sleep(1); // nothing new yet
                }
            }
            return seen;
        }
    }
}
