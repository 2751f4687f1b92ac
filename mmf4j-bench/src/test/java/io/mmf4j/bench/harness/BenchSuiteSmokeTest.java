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
 * Runs the whole harness in its smoke setting (in-process JMH, one 50 ms iteration per benchmark, small files; C
 * programs and cross-process harnesses for real), so that neither a benchmark, a goal nor the harness rots. Asserts
 * the report's shape and that every goal was evaluated, never a speed.
 */
class BenchSuiteSmokeTest {
    @TempDir
    Path out;

    @Test
    void everyGoalIsEvaluatedAndEveryBenchmarkRuns() throws Exception {
        BenchSuite.Outcome outcome = BenchSuite.run("--smoke", "--out", out.toString());

        assertEquals(java.util.Map.of(), outcome.results().errors(), "no contestant may fail");
        String md = Files.readString(outcome.report());
        List<Goal> goals = GoalAreas.all().stream().flatMap(a -> a.goals().stream()).toList();
        assertTrue(goals.size() >= 6, "the views goals alone are 6: " + goals);
        assertTrue(md.contains("**Goals: "), md);
        for (Goal goal : goals) {
            Verdict verdict = Verdict.of(goal, outcome.results());
            assertTrue(verdict.measured(), "goal measured: " + goal.title() + "\n" + md);
            assertTrue(md.contains("| " + goal.title() + " | "), "a line per goal: " + goal.title());
        }
        int benchmarks = JmhSuite.list(List.of("io\\.mmf4j\\.bench\\..*")).size();
        long measuredBenchmarks = outcome.results().samples().keySet().stream()
            .filter(c -> c instanceof Contestant.Jmh).map(c -> ((Contestant.Jmh) c).benchmark()).distinct().count();
        assertEquals(benchmarks, measuredBenchmarks, "every JMH benchmark runs, named by a goal or as a diagnostic");
        assertTrue(md.contains("### Cross-process: "), md);
        assertTrue(Files.readString(out.resolve("rounds.csv")).lines().count() > benchmarks);
        try (var files = Files.list(out)) {
            List<Path> charts = files.filter(p -> p.toString().endsWith(".png")).toList();
            long ratioGoals = goals.stream().filter(g -> !(g.subject() instanceof Contestant.Check)).count();
            assertTrue(charts.size() >= ratioGoals, "a chart per goal with a ratio: " + charts);
            for (Path chart : charts) {
                assertTrue(Files.size(chart) > 1000, chart + " is a real image");
            }
        }
    }

    @Test
    void aVerdictReadsTheMedianOfPerRoundRatios() {
        Contestant subject = Contestant.jmh(BenchSuiteSmokeTest.class, "subject");
        Contestant peer = Contestant.c("x.c", "figure");
        Results results = new Results(5);
        double[] s = {10, 30, 12, 11, 50};
        double[] p = {10, 10, 10, 10, 10};
        for (int r = 0; r < 5; r++) {
            results.add(subject, r + 1, s[r], "");
            results.add(peer, r + 1, p[r], "");
        }
        Verdict atMost = Verdict.of(Goal.of("t", subject).atMost(1.2, peer), results);
        assertEquals(1.2, atMost.clauses().get(0).median(), 1e-9);
        assertEquals(1.0, atMost.clauses().get(0).min(), 1e-9);
        assertEquals(5.0, atMost.clauses().get(0).max(), 1e-9);
        assertTrue(atMost.met());
        assertFalse(Verdict.of(Goal.of("t", subject).atMost(1.1, peer), results).met());
        Verdict faster = Verdict.of(Goal.of("t", peer).fasterAtLeast(1.1, subject), results);
        assertEquals(1.2, faster.clauses().get(0).median(), 1e-9);
        assertTrue(faster.met());
        assertFalse(Verdict.of(Goal.of("t", subject).atMost(2, peer).atMost(1.0, peer), results).met(), "every clause");
        Results none = new Results(5);
        assertFalse(Verdict.of(Goal.of("t", subject).atMost(2, peer), none).measured());
    }

    @Test
    void roundsInterleaveSubjectAndPeerAndAlternateTheirOrder() {
        Contestant a = Contestant.c("a.c", "a");
        Contestant b = Contestant.c("b.c", "b");
        Contestant d = Contestant.c("d.c", "d");
        Sitting sitting = new Sitting(RunSettings.full(), List.of(Goal.of("g", a).atMost(1, b), Goal.of("h", d).atMost(1, a)),
            List.of(), List.of(), null, null, false);
        assertEquals(List.of(a, b, d), sitting.schedule(1));
        assertEquals(List.of(b, a, d), sitting.schedule(2));
    }

    @Test
    void badGoalsAndContestantsAreRefused() {
        Contestant a = Contestant.c("a.c", "a");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Goal.of("t", a).atMost(0, a));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Goal.of(" ", a));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Contestant.c("../x.c", "a"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Contestant.c("a.c", "a").unit("minutes"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Contestant.jmh(BenchSuiteSmokeTest.class, "m", "noEquals"));
    }

    @Test
    void figuresAreReadFromTheLabelledLineAndScaledToNanoseconds() {
        List<String> lines = List.of("read-sum GB/s 22.43 (0)", "mmap+munmap 1MiB view us 5.04");
        assertEquals(5.04, CRunner.figure(lines, "mmap+munmap 1MiB view us"));
        assertEquals(22.43, CRunner.figure(lines, "read-sum GB/s"));
        assertTrue(Double.isNaN(CRunner.figure(lines, "absent")));
        assertEquals(2000, JmhSuite.nanosPerOp(2, "us/op", org.openjdk.jmh.annotations.Mode.AverageTime), 1e-9);
        assertEquals(1e6, JmhSuite.nanosPerOp(1, "ops/ms", org.openjdk.jmh.annotations.Mode.Throughput), 1e-9);
        assertEquals(1e3, CProgram.nanosPer("us"));
    }
}
