package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.FaultJvm;
import io.mmf4j.testing.child.MapCountChild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At the real {@code vm.max_map_count} a failed {@code mprotect} has changed part of its range: the region's
 * bookkeeping must say what the kernel did, so that no writable segment covers a read-only page. In a child
 * JVM (it takes the process to the limit with raw mprotect calls on an address-space-only filler), memory
 * bound 512 MiB.
 */
class MapCountLimitTest {
    @Test
    void aPartlyFailedProtectLeavesTheBookkeepingAsTheKernelHasIt(@TempDir Path dir) throws Exception {
        FaultJvm.Outcome outcome = FaultJvm.run(dir, 120, 512L << 20, List.of("--enable-native-access=ALL-UNNAMED"),
                MapCountChild.class)
                .assertEndedNormally();
        List<String> lines = outcome.stdout().lines().toList();
        assertTrue(lines.getFirst().startsWith("protect failed: "), outcome.stdout());
        for (String line : lines.subList(1, 11)) {
            String[] words = line.split(" ");
            assertEquals(words[5], words[3], "bookkeeping and kernel differ: " + outcome.stdout());
        }
        assertTrue(lines.get(2).endsWith("kernel READ_ONLY"), "the kernel did change page 1: " + outcome.stdout());
        assertTrue(lines.get(11).startsWith("write: ") && !lines.get(11).equals("write: ok"), outcome.stdout());
        assertEquals("done", lines.getLast());
    }
}
