package io.mmf4j.bench.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Each vm benchmark body runs once and does what it measures: a smoke run, not a measurement. */
class VmBenchmarksSmokeTest {

    @Test
    void cycleBenchmarksRun() throws IOException {
        VmCycleBenchmark cycle = new VmCycleBenchmark();
        cycle.setUp();
        try {
            cycle.mmf4jCommitTouchDecommit();
            cycle.mmf4jConfinedCommitTouchDecommit();
            cycle.mmf4jCommitDecommitOnly();
            cycle.rawFfmCommitTouchDecommit();
            cycle.rawFfmCommitDecommitOnly();
        } finally {
            cycle.tearDown();
        }
    }

    @Test
    void reserveAndAccessBenchmarksRun() throws IOException {
        VmReserveBenchmark reserve = new VmReserveBenchmark();
        assertNotEquals(0, reserve.mmf4jReserveRelease());
        assertNotEquals(0, reserve.rawFfmReserveRelease());
        VmAccessBenchmark access = new VmAccessBenchmark();
        access.setUp();
        try {
            long expected = 0x0101010101010101L * (VmAccessBenchmark.SIZE / 8);
            assertEquals(expected, access.mmf4jSum());
            assertEquals(expected, access.rawSum());
            assertEquals(expected, access.mmf4jConfinedSum());
            access.mmf4jStridedIncrement();
            access.rawStridedIncrement();
            assertEquals(expected + 2 * (VmAccessBenchmark.SIZE / 64), access.rawSum());
        } finally {
            access.tearDown();
        }
    }
}
