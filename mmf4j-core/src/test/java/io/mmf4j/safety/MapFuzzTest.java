package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.FaultJvm;
import io.mmf4j.testing.child.MapFuzzChild;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The random fuzz over maps, views and streams (close racing access from 4 threads, truncation and
 * FileMode.CREATE in the mix) in a child JVM, interpreted and with the default JIT: every operation ends in
 * success or a documented exception, and the child ends normally. Memory bound 512 MiB.
 */
class MapFuzzTest {
    @ParameterizedTest
    @ValueSource(strings = {"-Xint", "-Xshare:auto"})
    void randomOperationsOnMapsViewsAndStreamsNeverCrash(String mode, @TempDir Path dir) throws Exception {
        long seed = System.nanoTime();
        FaultJvm.Outcome outcome = FaultJvm.run(dir, 120, 512L << 20, List.of(mode), MapFuzzChild.class,
                dir.toString(), "4", mode.equals("-Xint") ? "3000" : "20000", Long.toString(seed));
        outcome.assertEndedNormally();
        assertTrue(outcome.stdout().strip().endsWith("unexpected=0"), "seed " + seed + ":\n" + outcome.stdout());
    }
}
