package io.mmf4j.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.VmRaceChild;
import org.junit.jupiter.api.Test;

/**
 * Segments in use by other threads while their pages are decommitted, protected and released: every access
 * either works or throws IllegalStateException, and the JVM survives. Run in a child JVM so a fault fails the test.
 */
class RegionRaceTest {

    @Test
    void accessRacingWithChangesNeverFaults() throws Exception {
        ChildJvm.Result result = ChildJvm.run(60, VmRaceChild.class, "4").assertSuccess();
        String[] words = result.stdout().trim().split(" ");
        assertTrue(words[0].equals("survived"), result.stdout() + result.stderr());
        assertTrue(Long.parseLong(words[1]) > 0 && Long.parseLong(words[2]) > 0,
                "both accesses and refusals must have happened: " + result.stdout());
    }
}
