package io.mmf4j.named;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ReaperWakeUps;
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
        ReaperWakeUps.assertFewerThanOnePerClose(maps, "maps", () -> {
            for (int i = 0; i < maps; i++) {
                try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "m", 4096, MemoryMappedFileAccess.READ_WRITE,
                        MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    view.putByte(0, (byte) 1);
                }
            }
        });
    }
}
