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
import java.util.Optional;

/**
 * Writes the BENCHMARKS.md-style report of one suite run and its PNG charts: per benchmark class (and parameter
 * set) every contestant side by side, the C floor beside them, and each goal's ratio with whether it was met.
 */
final class Report {
    /** A floor figure read for one benchmark class. */
    record FloorFigure(Floor floor, List<String> args, double value) {}

    /** One cross-process benchmark's results. */
    record Latency(LatencyHarness harness, List<LatencyResult> results) {}

    private final StringBuilder md = new StringBuilder();
    private final Path outDir;

    Report(Path outDir) {
        this.outDir = outDir;
    }

    String build(RunSettings settings, String command, MachineInfo machine, Map<String, List<String>> machineFloors,
                 List<Measurement> measurements, Map<String, List<FloorFigure>> floors, List<Latency> latencies)
            throws IOException {
        line("# mmf4j benchmarks");
        line("");
        line("A " + settings.name() + " run of " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME)
            + ", made with `" + command + "`.");
        line(machine.markdown());
        line("");
        line("Figures on a shared machine drift from run to run: the ratios between contestants measured in the same "
            + "run are the result, absolute numbers are context. Ratios and charts use each contestant's best "
            + "measured iteration (the one least disturbed by other work); the mean and its error show the spread. "
            + "Lower times are better; a chart shows one benchmark's contestants and its C floor when in the same unit.");
        if (!machineFloors.isEmpty()) {
            line("");
            line("## Machine floors");
            line("");
            line("| program | output |");
            line("|---|---|");
            machineFloors.forEach((program, lines) -> line("| `" + program.trim() + "` | " + String.join("<br>", lines) + " |"));
        }
        Map<String, Map<String, List<Measurement>>> byArea = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            byArea.computeIfAbsent(m.area(), a -> new LinkedHashMap<>())
                .computeIfAbsent(m.benchmarkClass() + "|" + m.params(), k -> new ArrayList<>()).add(m);
        }
        for (var area : byArea.entrySet()) {
            line("");
            line("## " + area.getKey());
            for (List<Measurement> group : area.getValue().values()) {
                comparison(group, floors.getOrDefault(group.get(0).benchmarkClass(), List.of()));
            }
        }
        for (Latency latency : latencies) {
            latency(latency, floors.getOrDefault(latency.harness().getClass().getName(), List.of()));
        }
        return md.toString();
    }

    private void comparison(List<Measurement> group, List<FloorFigure> floors) throws IOException {
        Measurement first = group.get(0);
        String title = first.simpleClass() + (first.params().isEmpty() ? "" : " (" + first.params() + ")");
        line("");
        line("### " + title);
        line("");
        double best = group.stream().mapToDouble(m -> m.timePerOp() ? m.best() : -m.best()).min().orElse(1);
        line("| contestant | best iteration | mean | ± (99.9%) | unit | best ÷ fastest |");
        line("|---|---:|---:|---:|---|---:|");
        for (Measurement m : group) {
            double relative = m.timePerOp() ? m.best() / best : -best / m.best();
            line(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %.2f |", m.method(), num(m.best()), num(m.score()),
                num(m.error()), m.unit(), relative));
        }
        List<String> names = new ArrayList<>(group.stream().map(Measurement::method).toList());
        List<Double> values = new ArrayList<>(group.stream().map(Measurement::best).toList());
        for (FloorFigure f : floors) {
            line("");
            line(String.format(Locale.ROOT, "C floor (`%s %s`): %s = **%s %s**", f.floor().program(),
                String.join(" ", f.args()), f.floor().label(), num(f.value()), f.floor().unit()));
            if (f.floor().unit().equals(first.unit()) && !Double.isNaN(f.value())) {
                names.add("C: " + f.floor().label());
                values.add(f.value());
            }
        }
        goals(group, classGoals(first.benchmarkClass()));
        String chart = Charts.fileName(title);
        Charts.bars(outDir.resolve(chart), title, first.unit(), names, values);
        line("");
        line("![" + title + "](" + chart + ")");
    }

    private void goals(List<Measurement> group, List<GoalSpec> goals) {
        if (goals.isEmpty()) {
            return;
        }
        line("");
        line("| goal: `subject` … | measured | met |");
        line("|---|---:|---|");
        for (GoalSpec goal : goals) {
            Optional<Measurement> subject = group.stream().filter(m -> m.method().equals(goal.subject())).findFirst();
            Optional<Measurement> peer = group.stream().filter(m -> m.method().equals(goal.peer())).findFirst();
            String text = "`" + goal.subject() + "` " + goal.describe();
            if (subject.isEmpty() || peer.isEmpty()) {
                line("| " + text + " | not measured in this run | — |");
                continue;
            }
            double speedup = subject.get().speedupOver(peer.get());
            String measured = goal.slowerAtMost() > 0
                ? String.format(Locale.ROOT, "%.2f× the time", 1 / speedup)
                : String.format(Locale.ROOT, "%.2f× as fast", speedup);
            line("| " + text + " | " + measured + " | " + (goal.met(speedup) ? "yes" : "**no**") + " |");
        }
    }

    private void latency(Latency latency, List<FloorFigure> floors) throws IOException {
        line("");
        line("## " + latency.harness().area() + ": " + latency.harness().title());
        line("");
        line("| contestant | median ns | p99 ns | p99.9 ns | max ns | ops/s |");
        line("|---|---:|---:|---:|---:|---:|");
        for (LatencyResult r : latency.results()) {
            line(String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %d | %s |", r.contestant(), r.medianNanos(),
                r.p99Nanos(), r.p999Nanos(), r.maxNanos(), num(r.opsPerSecond())));
        }
        List<Measurement> asMeasurements = latency.results().stream()
            .map(r -> new Measurement(latency.harness().getClass().getName(), r.contestant(), "", r.medianNanos(),
                Double.NaN, r.medianNanos(), "ns", true))
            .toList();
        List<String> names = new ArrayList<>(latency.results().stream().map(LatencyResult::contestant).toList());
        List<Double> values = new ArrayList<>(latency.results().stream().map(r -> (double) r.medianNanos()).toList());
        for (FloorFigure f : floors) {
            line("");
            line(String.format(Locale.ROOT, "C floor (`%s %s`): %s = **%s %s**", f.floor().program(),
                String.join(" ", f.args()), f.floor().label(), num(f.value()), f.floor().unit()));
            if (!Double.isNaN(f.value())) {
                names.add("C: " + f.floor().label());
                values.add(f.value());
            }
        }
        goals(asMeasurements, latency.harness().goals());
        String chart = Charts.fileName(latency.harness().title());
        Charts.bars(outDir.resolve(chart), latency.harness().title() + " (median)", "ns", names, values);
        line("");
        line("![" + latency.harness().title() + "](" + chart + ")");
    }

    static List<GoalSpec> classGoals(String className) {
        try {
            Class<?> type = Class.forName(className, false, Report.class.getClassLoader());
            return Arrays.stream(type.getAnnotationsByType(Goal.class)).map(GoalSpec::of).toList();
        } catch (ClassNotFoundException e) {
            return List.of();
        }
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
