package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.AppendOnlyLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The README's append-only log across two processes: a child JVM appends records and grows the named map as it
 * goes; this process follows the growth through a growing view and checks every record.
 */
class GrowingLogProcessTest extends NamespaceTestBase {
    private static final int RECORDS = 20_000; // ~3 MiB of records: about 50 growth steps of 64 KiB

    @Test
    void aReaderInAnotherProcessFollowsTheGrowingLog() throws Exception {
        Path err = Files.createTempFile("log-writer", ".err");
        try {
            // a view made before the writer starts: it must follow growth made by the other process
            io.mmf4j.MemoryMappedFile map = io.mmf4j.MemoryMappedFile.createOrOpen(ns, "log", 64 << 10,
                    io.mmf4j.MemoryMappedFileAccess.READ_WRITE);
            io.mmf4j.MemoryMappedGrowingView before = map.createGrowingView(0, 1L << 36,
                    io.mmf4j.MemoryMappedFileAccess.READ);
            assertEquals(64 << 10, before.size());
            Process writer = track(ChildJvm.start(err, AppendOnlyLog.class, dir.toString(), "log",
                    Integer.toString(RECORDS)));
            AtomicInteger next = new AtomicInteger();
            int growths = AppendOnlyLog.follow(ns, "log", RECORDS, record -> {
                int i = next.getAndIncrement();
                assertArrayEquals(AppendOnlyLog.record(i), record.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                        "record " + i);
            });
            assertEquals(RECORDS, next.get());
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer finished");
            assertEquals(0, writer.exitValue(), Files.readString(err));
            // ~3 MiB of records in a map made with 64 KiB: every record checked means the reader mapped the growth
            assertTrue(growths >= 1, "the reader followed growth: " + growths + " refreshes");
            long address = before.address();
            assertTrue(before.refresh() > 40 * (64 << 10), "the early view took in the growth: " + before.size());
            assertEquals(address, before.address());
            before.close();
            map.close();
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
