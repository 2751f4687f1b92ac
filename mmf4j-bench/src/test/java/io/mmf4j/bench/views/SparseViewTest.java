package io.mmf4j.bench.views;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.bench.harness.CheckRunner;
import io.mmf4j.bench.harness.Contestant;
import org.junit.jupiter.api.Test;

/**
 * A 64 GiB sparse view works: mapped whole, one long written and read back in every GiB, flushed and closed, the file
 * still sparse. Runs {@link SparseView} in a child JVM that a watchdog kills past 512 MiB resident.
 */
class SparseViewTest {
    @Test
    void a64GibSparseViewWorksWithoutTouchingItInBulk() throws Exception {
        CheckRunner.Outcome outcome = CheckRunner.run(Contestant.check(SparseView.class, 512, "64"));
        assertTrue(outcome.detail().startsWith("64 GiB view: 64 longs written and read back"), outcome.detail());
    }
}
