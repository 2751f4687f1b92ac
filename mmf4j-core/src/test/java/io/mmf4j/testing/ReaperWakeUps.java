package io.mmf4j.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/**
 * Counts how often the library's view reaper thread ({@code mmf4j-view-reaper}) went to sleep of its own accord
 * during some work, for tests that closing views or maps back to back does not wake it once each. Stateless.
 */
public final class ReaperWakeUps {
    private static final String REAPER = "mmf4j-view-reaper";

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private ReaperWakeUps() {}

    /**
     * Runs {@code work} ({@code operations} closes of {@code what}) and asserts the reaper woke fewer than its timed
     * looks (one per 20 ms of the work) plus a quarter of the operations: other tests of this JVM may close views
     * meanwhile. The reaper thread must exist already (any view closed before).
     */
    public static void assertFewerThanOnePerClose(int operations, String what, Work work) throws Exception {
        Path reaper = TaskStat.taskNamed(REAPER);
        long before = TaskStat.voluntarySwitches(reaper);
        long start = System.nanoTime();
        work.run();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        long wakeUps = TaskStat.voluntarySwitches(reaper) - before;
        long bound = elapsedMillis / 20 + operations / 4;
        assertTrue(wakeUps < bound, "the reaper woke " + wakeUps + " times for " + operations + " " + what + " in "
                + elapsedMillis + " ms (bound " + bound + ")");
    }
}
