package io.mmf4j.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole harness in its smoke setting (in-process, one 50 ms iteration per benchmark, small files), so
 * that neither a benchmark nor the harness rots. Asserts the report's shape, never a speed.
 */
class BenchSuiteSmokeTest {
    @TempDir
    Path out;

    @Test
    void everyBenchmarkRunsAndTheReportHasItsFiguresGoalsFloorsAndCharts() throws Exception {
        Path report = BenchSuite.run("--smoke", "--out", out.toString());

        String md = Files.readString(report);
        int benchmarks = JmhSuite.list(List.of("io\\.mmf4j\\.bench\\..*")).size();
        assertTrue(benchmarks >= 26, "the views benchmarks alone are 26, found " + benchmarks);
        assertTrue(md.lines().filter(l -> l.matches("\\| `\\w+` \\| [-0-9.,]+ \\|.*")).count() >= benchmarks,
            "a table row per benchmark and parameter set:\n" + md);
        assertTrue(md.contains("### FlatFileDatabaseBench (records=10000)"), md);
        assertTrue(md.contains("`accessor` takes ≤ 1.20× the time of `rawSegment`"), md);
        assertTrue(md.contains("C floor (`view_mmap.c 2000`): mmap+munmap 1MiB read view ns = **"), md);
        assertFalse(md.contains("C floor (`view_mmap.c 2000`): mmap+munmap 1MiB read view ns = **—"), "floor figure read");
        assertTrue(md.contains("Machine: "), md);
        try (var files = Files.list(out)) {
            List<Path> charts = files.filter(p -> p.toString().endsWith(".png")).toList();
            assertTrue(charts.size() >= 5, "a chart per comparison: " + charts);
            for (Path chart : charts) {
                assertTrue(Files.size(chart) > 1000, chart + " is a real image");
            }
        }
        assertTrue(Files.size(out.resolve("jmh.json")) > 0);
    }

    @Test
    void aGoalNeedsExactlyOneBound() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GoalSpec("a", "b", 0, 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new GoalSpec("a", "b", 1.2, 20));
        assertTrue(new GoalSpec("a", "b", 1.2, 0).met(1 / 1.1));
        assertFalse(new GoalSpec("a", "b", 1.2, 0).met(1 / 1.3));
        assertTrue(new GoalSpec("a", "b", 0, 20).met(25));
        assertFalse(new GoalSpec("a", "b", 0, 20).met(19));
    }

    @Test
    void floorFiguresAreReadFromTheLabelledLine() {
        List<String> lines = List.of("read-sum GB/s 22.43 (0)", "mmap+munmap 1MiB view us 5.04");
        assertEquals(5.04, FloorRunner.figure(lines, "mmap+munmap 1MiB view us"));
        assertEquals(22.43, FloorRunner.figure(lines, "read-sum GB/s"));
        assertTrue(Double.isNaN(FloorRunner.figure(lines, "absent")));
    }
}
