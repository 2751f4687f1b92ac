package io.mmf4j.bench.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One sitting: every selected goal's contestants measured in {@code rounds} interleaved rounds. In each round the
 * goals are taken in order and each goal's contestants are measured one right after the other (the subject first
 * in odd rounds, last in even ones, so that a drift of the machine's load is shared out), every contestant at most
 * once per round; then, in the first {@code diagnosticRounds} rounds, the JMH benchmarks no goal names. A C
 * program's or a cross-process harness's output is shared by the contestants that read it in the same round, never
 * across rounds. Not thread-safe; used once.
 */
final class Sitting {
    private final RunSettings settings;
    private final List<Goal> goals;
    private final List<Contestant> extras;
    private final List<Contestant> diagnostics;
    private final CRunner c;
    private final String[] cpus;
    private final boolean verbose;

    Sitting(RunSettings settings, List<Goal> goals, List<Contestant> extras, List<Contestant> diagnostics, CRunner c,
            String[] cpus, boolean verbose) {
        this.settings = settings;
        this.goals = goals;
        this.extras = extras;
        this.diagnostics = diagnostics;
        this.c = c;
        this.cpus = cpus;
        this.verbose = verbose;
    }

    /** The contestants of round {@code round} (1-based), in the order they run. */
    List<Contestant> schedule(int round) {
        Set<Contestant> order = new LinkedHashSet<>();
        for (Goal goal : goals) {
            List<Contestant> contestants = new ArrayList<>(goal.contestants());
            if (round % 2 == 0) {
                Collections.reverse(contestants);
            }
            order.addAll(contestants);
        }
        order.addAll(extras);
        if (round <= settings.diagnosticRounds()) {
            order.addAll(diagnostics);
        }
        return List.copyOf(order);
    }

    Results run() {
        Results results = new Results(settings.rounds());
        long start = System.nanoTime();
        for (int round = 1; round <= settings.rounds(); round++) {
            Map<String, List<String>> cOutputs = new HashMap<>();
            Map<Class<? extends LatencyHarness>, Map<String, LatencyResult>> latency = new HashMap<>();
            List<Contestant> schedule = schedule(round);
            for (int i = 0; i < schedule.size(); i++) {
                Contestant contestant = schedule.get(i);
                if (results.errors().containsKey(contestant)) {
                    continue;
                }
                try {
                    Results.Sample sample = measure(contestant, round, cOutputs, latency, results);
                    results.add(contestant, round, sample.nanos(), sample.detail());
                    System.out.printf(Locale.ROOT, "mmf4j bench: round %d/%d [%d/%d] %s: %s ns/op (%s) %.0f s%n", round,
                        settings.rounds(), i + 1, schedule.size(), contestant.id(), Report.num(sample.nanos()),
                        sample.detail(), (System.nanoTime() - start) / 1e9);
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
                    results.fail(contestant, message);
                    System.out.println("mmf4j bench: " + contestant.id() + " FAILED: " + message);
                }
            }
        }
        return results;
    }

    private Results.Sample measure(Contestant contestant, int round, Map<String, List<String>> cOutputs,
                                   Map<Class<? extends LatencyHarness>, Map<String, LatencyResult>> latency,
                                   Results results) throws Exception {
        return switch (contestant) {
            case Contestant.Jmh jmh -> {
                JmhSuite.Figure figure = JmhSuite.run(settings, jmh, verbose);
                yield new Results.Sample(round, figure.nanos(), Report.num(figure.score()) + " " + figure.unit()
                    + (figure.params().isEmpty() ? "" : " " + figure.params()));
            }
            case CProgram program -> {
                List<String> args = program.argsFor(settings);
                String key = program.source() + " " + args;
                List<String> lines = cOutputs.get(key);
                if (lines == null) {
                    lines = c.run(program.source(), args, program.twoProcesses());
                    cOutputs.put(key, lines);
                }
                double figure = CRunner.figure(lines, program.label());
                if (Double.isNaN(figure)) {
                    throw new IllegalStateException(program.source() + " " + String.join(" ", args)
                        + " printed no line starting with '" + program.label() + "':\n" + String.join("\n", lines));
                }
                yield new Results.Sample(round, figure * CProgram.nanosPer(program.unit()),
                    Report.num(figure) + " " + program.unit() + (program.twoProcesses() && cpus != null
                        ? " (CPUs " + cpus[0] + "," + cpus[1] + ")" : ""));
            }
            case Contestant.Budget budget -> new Results.Sample(round, budget.nanos(), budget.label() + " (a fixed budget)");
            case Contestant.Check check -> {
                CheckRunner.Outcome outcome = CheckRunner.run(check);
                yield new Results.Sample(round, outcome.nanos(), "passed: " + outcome.detail());
            }
            case Contestant.CrossProcess cross -> {
                Map<String, LatencyResult> all = latency.get(cross.harness());
                if (all == null) {
                    List<LatencyResult> list = LatencyMain.measure(cross.harness(), settings, cpus);
                    results.addLatency(cross.harness(), list);
                    all = LatencyMain.byContestant(list);
                    latency.put(cross.harness(), all);
                }
                LatencyResult r = all.get(cross.contestant());
                if (r == null) {
                    throw new IllegalStateException(cross.harness().getName() + " reported no contestant "
                        + cross.contestant() + " (it reported " + all.keySet() + ")");
                }
                yield new Results.Sample(round, r.medianNanos(), "median " + r.medianNanos() + " ns, p99 "
                    + r.p99Nanos() + " ns");
            }
        };
    }
}
