package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.NamedObjectInfo;
import io.mmf4j.internal.platform.linux.LinuxStoreAccess;
import io.mmf4j.sync.NamedEvent;
import io.mmf4j.sync.NamedMutex;
import io.mmf4j.sync.NamedSemaphore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: creation, opening and closing cost the same with 10 and with 5,000 live objects in the namespace.
 * Cost is counted, not timed: the store counts every namespace entry and holder-table line it looks at, and
 * the count per operation at 5,000 live objects must stay within a generous 1.5 times the count at 10 (the old
 * code, which swept the namespace on every creation, counted about 500 times as much). Sweeps that creations
 * make on their amortised schedule are held off while counting; their cost is the benchmark's to measure.
 * {@code list()} of 5,000 objects reads the holder table once and gives exact counts.
 */
@SuppressWarnings("try") // a map held open by try-with-resources is the point
class NamespaceScalingTest extends NamespaceTestBase {
    private static final int ROUNDS = 200;

    /** Store operations per round of createNew+close, openExisting+close, and the sync objects' create+close. */
    private long costPerRound(List<MemoryMappedFile> live) throws IOException {
        long before = LinuxStoreAccess.operations();
        for (int i = 0; i < ROUNDS; i++) {
            MemoryMappedFile.createNew(ns, "probe-" + i, 4096, io.mmf4j.MemoryMappedFileAccess.READ_WRITE).close();
            MemoryMappedFile.openExisting(ns, live.get(i % live.size()).name().orElseThrow(), io.mmf4j.MemoryMappedFileRights.READ_WRITE).close();
        }
        for (int i = 0; i < ROUNDS / 10; i++) {
            NamedMutex.create(ns, "mutex-" + i, false).close();
            NamedSemaphore.create(ns, "semaphore-" + i, 0, 1).close();
            NamedEvent.create(ns, "event-" + i, io.mmf4j.sync.EventResetMode.AUTO_RESET, false).close();
        }
        return (LinuxStoreAccess.operations() - before) / ROUNDS;
    }

    @Test
    void createOpenAndCloseCostTheSameWith10And5000LiveObjectsAndListCountsExactly() throws Exception {
        String property = LinuxStoreAccess.sweepIntervalProperty();
        String old = System.getProperty(property);
        List<MemoryMappedFile> live = new ArrayList<>();
        try {
            // Set before the first creation, whose sweep then schedules the next one an hour later: no amortised
            // sweep can fall into either measurement, however slowly a loaded machine runs them.
            System.setProperty(property, Long.toString(3_600_000));
            for (int i = 0; i < 10; i++) {
                live.add(MemoryMappedFile.createNew(ns, "live-" + i, 4096, io.mmf4j.MemoryMappedFileAccess.READ_WRITE));
            }
            long at10 = costPerRound(live);
            for (int i = 10; i < 5_000; i++) {
                live.add(MemoryMappedFile.createNew(ns, "live-" + i, 4096, io.mmf4j.MemoryMappedFileAccess.READ_WRITE));
            }
            long at5000 = costPerRound(live);
            assertTrue(at10 > 0, "counted nothing");
            assertTrue(at5000 <= at10 * 3 / 2, "cost per round grew with the namespace: " + at10 + " at 10 live, "
                    + at5000 + " at 5,000");

            try (MemoryMappedFile second = MemoryMappedFile.openExisting(ns, "live-7", io.mmf4j.MemoryMappedFileRights.READ_WRITE)) {
                // Holder counts come from /proc/locks, read in many read(2) calls: a lock taken or dropped anywhere on
                // the machine meanwhile can skip or repeat a line (LinuxHolders says so). Exact on a quiet table, so
                // a few looks, each checked whole.
                String wrong = wrongHolderCount(ns.list());
                for (int look = 1; look < 5 && wrong != null; look++) {
                    wrong = wrongHolderCount(ns.list());
                }
                assertEquals(null, wrong, "holder counts in five looks at the namespace");
            }
        } finally {
            if (old == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, old);
            }
            for (MemoryMappedFile map : live) {
                map.close();
            }
        }
        assertEquals(List.of(), TestNamespaces.files(dir), "every last close reclaimed its name");
    }

    /** The first of the 5,000 objects whose holder count is not 1 (2 for live-7, opened twice), or null. */
    private static String wrongHolderCount(List<NamedObjectInfo> infos) {
        assertEquals(5_000, infos.size());
        for (NamedObjectInfo info : infos) {
            if (info.holders() != (info.name().equals("live-7") ? 2 : 1)) {
                return info.name() + " has " + info.holders() + " holders";
            }
        }
        return null;
    }
}
