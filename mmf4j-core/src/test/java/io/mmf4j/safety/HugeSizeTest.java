package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.FaultJvm;
import io.mmf4j.testing.child.HugeMapChild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes the machine cannot give are an {@code IOException} naming the size at creation, before any memory is
 * taken. Runs in a child JVM that the watchdog kills once its RssAnon + RssShmem passes 512 MiB, or once the
 * machine's MemAvailable or the disk's free space has fallen by 2 GiB (memory a memfd takes is in no RSS).
 */
class HugeSizeTest {
    static final long MEMORY_BOUND = 512L << 20;
    static final long MACHINE_DROP_BOUND = 2L << 30;

    @Test
    void hugeMemoryBackedMapsAreRefusedBeforeAnyMemoryIsTaken(@TempDir Path dir) throws Exception {
        FaultJvm.Outcome outcome = FaultJvm.run(dir, 60, MEMORY_BOUND, MACHINE_DROP_BOUND, List.of("-Xmx64m"), HugeMapChild.class,
                dir.resolve("ns").toString()).assertEndedNormally();
        List<String> lines = outcome.stdout().lines().toList();
        assertEquals(7, lines.size(), outcome.stdout());
        for (String line : lines.subList(0, 6)) {
            String size = line.split(" ")[1].replace(":", "");
            assertTrue(line.contains(": java.io.IOException: ") && line.contains(size + " bytes"), line);
        }
        assertTrue(outcome.peakKib() * 1024 < MEMORY_BOUND, "peak " + outcome.peakKib() + " KiB");
    }
}
