package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedGrowingView;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The README's growth example: an append-only log of records in a named map that grows as it fills, written by one
 * process and followed by another. Offset 0 holds how far the log is published; records (an int length, then the
 * bytes, padded to 8) start at 64. {@code main(NAMESPACE_DIR, NAME, RECORDS)} runs the writer in a child JVM.
 */
public final class AppendOnlyLog {
    static final long PUBLISHED = 0;
    static final long FIRST = 64;
    static final long STEP = 64 << 10;
    static final long MAXIMUM = 1L << 36; // address space only
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private AppendOnlyLog() {}

    public static void main(String[] args) throws IOException {
        write(SharedNamespace.at(Path.of(args[0])), args[1], Integer.parseInt(args[2]));
    }

    /** Record {@code i}: its number, then {@code i % 300} bytes that depend on it. */
    public static byte[] record(int i) {
        byte[] record = new byte[4 + i % 300];
        MemorySegment.ofArray(record).set(ValueLayout.JAVA_INT_UNALIGNED, 0, i);
        for (int k = 4; k < record.length; k++) {
            record[k] = (byte) (i + k);
        }
        return record;
    }

    // --- the example as the README shows it ---

    /** Appends {@code records} records; the map grows one STEP at a time as the log fills it. */
    public static void write(SharedNamespace ns, String name, int records) throws IOException {
        try (MemoryMappedFile map = MemoryMappedFile.createOrOpen(ns, name, STEP, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedGrowingView log = map.createGrowingView(0, MAXIMUM, MemoryMappedFileAccess.READ_WRITE)) {
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

    /** Hands each of the first {@code records} records to {@code reader}, following the log as it grows. */
    public static int follow(SharedNamespace ns, String name, int records, Consumer<MemorySegment> reader)
            throws IOException, InterruptedException {
        try (MemoryMappedFile map = MemoryMappedFile.createOrOpen(ns, name, STEP, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedGrowingView log = map.createGrowingView(0, MAXIMUM, MemoryMappedFileAccess.READ)) {
            long at = FIRST;
            int seen = 0;
            int growths = 0;
            while (seen < records) {
                long published = (long) LONG.getAcquire(log.segment(), PUBLISHED);
                if (published > log.size()) {
                    log.refresh(); // the writer grew the map: map the new bytes into the same place
                    growths++;
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
            return growths;
        }
    }
}
