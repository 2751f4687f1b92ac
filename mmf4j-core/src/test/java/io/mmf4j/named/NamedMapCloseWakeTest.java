package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.TaskStat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A named map's close costs no handshake of its own: its header page lives in a view generation, as views do, not
 * in a shared arena closed by the reaper per map (which woke the reaper and the JVM's VM thread five times a map).
 */
class NamedMapCloseWakeTest extends NamespaceTestBase {
    @Test
    void mapsCreatedAndClosedBackToBackDoNotWakeTheReaperEach() throws Exception {
        int maps = 500;
        try (MemoryMappedFile first = MemoryMappedFile.createNew(ns, "first", 4096, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor view = first.createViewAccessor()) {
            view.getByte(0); // the reaper thread exists from here on
        }
        Path reaper = TaskStat.taskNamed("mmf4j-view-reaper");
        long before = TaskStat.voluntarySwitches(reaper);
        long start = System.nanoTime();
        for (int i = 0; i < maps; i++) {
            try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "m", 4096, MemoryMappedFileAccess.READ_WRITE,
                    MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putByte(0, (byte) 1);
            }
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long wakeUps = TaskStat.voluntarySwitches(reaper) - before;
        // Its timed looks: one per 20 ms of the loop; other tests of this JVM may close views meanwhile.
        long bound = elapsedMillis / 20 + maps / 4;
        assertTrue(wakeUps < bound, "the reaper woke " + wakeUps + " times for " + maps + " maps in " + elapsedMillis
                + " ms (bound " + bound + ")");
    }
}
