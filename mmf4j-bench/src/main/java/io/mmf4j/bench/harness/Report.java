package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the BENCHMARKS.md-style report of one sitting and its PNG charts: the headline (goals met and not met,
 * counted from the goal lines alone), one line per goal with the median of its per-round ratios and their spread,
 * then per area every goal's contestants round by round, the benchmarks no goal names, the cross-process
 * percentiles, and the machine floors as context. Not thread-safe; one per report.
 */
final class Report {
    /** Everything the report is made from. */
    record Input(RunSettings settings, String command, MachineInfo machine, String[] cpus, double seconds,
                 String loadBefore, String loadAfter, Map<String, List<Goal>> goals, Results results,
                 List<Contestant> diagnostics, Map<String, List<String>> machineFloors) {}

    private final StringBuilder md = new StringBuilder();
    private final Path outDir;

    Report(Path outDir) {
        this.outDir = outDir;
    }

    String build(Input in) throws IOException {
        Results results = in.results();
        Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
        in.goals().forEach((area, goals) -> verdicts.put(area, goals.stream().map(g -> Verdict.of(g, results)).toList()));
        List<Verdict> all = verdicts.values().stream().flatMap(List::stream).toList();
        long met = all.stream().filter(Verdict::met).count();
        long unmeasured = all.stream().filter(v -> !v.measured()).count();
        line("# mmf4j benchmarks");
        line("");
        line(String.format(Locale.ROOT, "A %s run of %s, made with `%s`, %.1f minutes.", in.settings().name(),
            ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME), in.command(), in.seconds() / 60));
        line(in.machine().markdown() + " Load average before: " + in.loadBefore() + "; after: " + in.loadAfter() + ".");
        line("");
        line(String.format(Locale.ROOT, "**Goals: %d of %d met, %d not met%s.**", met, all.size(),
            all.size() - met - unmeasured, unmeasured == 0 ? "" : ", " + unmeasured + " not measured"));
        line("");
        line(String.format(Locale.ROOT, "How this was measured: %d interleaved round(s); in each, every goal's "
            + "contestants ran one right after the other (the subject first in odd rounds, last in even ones): each "
            + "JMH benchmark in a fork of its own with its own warm-up and measurement, each C program compiled with "
            + "`gcc -O2` and run anew, each cross-process harness in a JVM of its own. A goal's ratio is computed per "
            + "round from that round's two figures; the verdict reads the **median of the per-round ratios**, and the "
            + "spread (smallest–largest) shows how much the machine moved. Cross-process contestants: %s. Times are "
            + "nanoseconds per operation (JMH: that round's score; cross-process: the median round trip).",
            results.rounds(), in.cpus() == null ? "not pinned (taskset or a second CPU missing)"
                : "pinned to CPUs " + in.cpus()[0] + " and " + in.cpus()[1] + " (taskset; C programs: pin.h)"));
        if (in.settings().rounds() < 5) {
            line("");
            line("This " + in.settings().name() + " run's verdicts are indicative (fewer than 5 rounds, iterations"
                + " capped); a full run (`./mmf bench`) gives the verdicts of record.");
        }
        line("");
        line("| area | goal | measured: median of per-round ratios (smallest–largest) | rounds | met |");
        line("|---|---|---|---:|---|");
        verdicts.forEach((area, list) -> list.forEach(v -> line("| " + area + " | " + v.goal().title() + " | "
            + ratios(v) + " | " + (v.isCheck() ? v.passes() : v.clauses().stream().mapToInt(c -> c.ratios().length).min().orElse(0)) + " | "
            + (v.met() ? "yes" : v.measured() ? "**no**" : "not measured") + " |")));
        for (var area : verdicts.entrySet()) {
            line("");
            line("## " + area.getKey());
            for (Verdict v : area.getValue()) {
                goalDetail(v, results);
            }
            diagnostics(area.getKey(), in.diagnostics(), results);
            latency(area.getKey(), results);
        }
        List<String> otherAreas = in.diagnostics().stream().map(Report::area).distinct()
            .filter(a -> !verdicts.containsKey(a)).toList();
        for (String area : otherAreas) {
            line("");
            line("## " + area);
            diagnostics(area, in.diagnostics(), results);
        }
        if (!in.machineFloors().isEmpty()) {
            line("");
            line("## Machine floors (context: measured once, at the start; no goal reads them)");
            line("");
            line("| program | output |");
            line("|---|---|");
            in.machineFloors().forEach((program, lines) -> line("| `" + program.trim() + "` | " + String.join("<br>", lines) + " |"));
        }
        if (!results.errors().isEmpty()) {
            line("");
            line("## Errors");
            line("");
            results.errors().forEach((c, e) -> line("- `" + c.id() + "`: " + e.replace("\n", " ")));
        }
        return md.toString();
    }

    private static String ratios(Verdict v) {
        if (v.isCheck()) {
            return v.met() ? "works (" + v.passes() + " round(s))" : v.measured() ? "**fails**" : "not run";
        }
        return v.clauses().stream().map(c -> c.measured()
            ? String.format(Locale.ROOT, "%s%.2f× %s `%s` (%.2f–%.2f)", c.met() ? "" : "**", c.median(),
                c.clause().atMost() ? "the time of" : "as fast as", c.clause().peer().id(), c.min(), c.max())
                + (c.met() ? "" : "**") + String.format(Locale.ROOT, " [bound %s %.2f]", c.clause().atMost() ? "≤" : "≥",
                c.clause().bound())
            : "`" + c.clause().peer().id() + "`: not measured").collect(Collectors.joining("; "));
    }

    private void goalDetail(Verdict v, Results results) throws IOException {
        line("");
        line("### " + v.goal().title());
        line("");
        line("| contestant | median ns/op | per round (ns/op) | last round as measured |");
        line("|---|---:|---|---|");
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Contestant c : v.goal().contestants()) {
            double median = results.median(c);
            List<Results.Sample> samples = results.samples().getOrDefault(c, List.of());
            line("| `" + c.id() + "` | " + num(median) + " | " + Arrays.stream(results.perRound(c)).mapToObj(Report::num)
                .collect(Collectors.joining(" · ")) + " | " + (samples.isEmpty() ? error(c, results)
                : samples.get(samples.size() - 1).detail()) + " |");
            if (!Double.isNaN(median)) {
                names.add(c.id());
                values.add(median);
            }
        }
        if (v.isCheck()) {
            return;
        }
        line("");
        line("Per-round ratios: " + v.clauses().stream().map(c -> "vs `" + c.clause().peer().id() + "`: "
            + Arrays.stream(c.ratios()).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
            .collect(Collectors.joining(" · "))).collect(Collectors.joining("; ")) + ".");
        chart(v.goal().title(), names, values);
    }

    private void diagnostics(String area, List<Contestant> diagnostics, Results results) throws IOException {
        List<Contestant> mine = diagnostics.stream().filter(c -> area(c).equals(area)).toList();
        if (mine.isEmpty()) {
            return;
        }
        line("");
        line("### Contestants beside the goals (extras every round; benchmarks no goal names, first round)");
        line("");
        line("| contestant | median ns/op | rounds | last round as measured |");
        line("|---|---:|---:|---|");
        for (Contestant c : mine) {
            List<Results.Sample> samples = results.samples().getOrDefault(c, List.of());
            line("| `" + c.id() + "` | " + num(results.median(c)) + " | " + samples.size() + " | "
                + (samples.isEmpty() ? error(c, results) : samples.get(samples.size() - 1).detail()) + " |");
        }
    }

    private void latency(String area, Results results) {
        for (var entry : results.latency().entrySet()) {
            String title;
            try {
                LatencyHarness harness = entry.getKey().getConstructor().newInstance();
                if (!harness.area().equals(area)) {
                    continue;
                }
                title = harness.title();
            } catch (ReflectiveOperationException e) {
                continue;
            }
            line("");
            line("### Cross-process: " + title);
            line("");
            line("| contestant | median ns (median of rounds) | p99 ns | p99.9 ns | max ns | ops/s | rounds |");
            line("|---|---:|---:|---:|---:|---:|---:|");
            Map<String, List<LatencyResult>> byContestant = new LinkedHashMap<>();
            entry.getValue().forEach(round -> round.forEach(r ->
                byContestant.computeIfAbsent(r.contestant(), k -> new ArrayList<>()).add(r)));
            byContestant.forEach((name, rs) -> line(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %s | %d |",
                name, num(med(rs, r -> r.medianNanos())), num(med(rs, r -> r.p99Nanos())), num(med(rs, r -> r.p999Nanos())),
                num(med(rs, r -> r.maxNanos())), num(med(rs, LatencyResult::opsPerSecond)), rs.size())));
        }
    }

    private static double med(List<LatencyResult> rs, java.util.function.ToDoubleFunction<LatencyResult> f) {
        return Results.median(rs.stream().mapToDouble(f).toArray());
    }

    private static String error(Contestant c, Results results) {
        String error = results.errors().get(c);
        return error == null ? "not measured" : "failed: " + error.lines().findFirst().orElse("");
    }

    private void chart(String title, List<String> names, List<Double> values) throws IOException {
        if (names.isEmpty()) {
            return;
        }
        String chart = Charts.fileName(title);
        Charts.bars(outDir.resolve(chart), title, "ns/op (median of rounds)", names, values);
        line("");
        line("![" + title + "](" + chart + ")");
    }

    /** The area of a contestant: a benchmark's package segment after {@code io.mmf4j.bench}. */
    static String area(Contestant c) {
        String name = switch (c) {
            case Contestant.Jmh jmh -> jmh.benchmarkClass();
            case Contestant.CrossProcess cross -> cross.harness().getName();
            case CProgram program -> "c.c";
            case Contestant.Check check -> check.main().getName();
            case Contestant.Budget budget -> Contestant.class.getName();
        };
        String pkg = name.substring(0, Math.max(0, name.lastIndexOf('.')));
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    static String num(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f", value);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
