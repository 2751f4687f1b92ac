package io.mmf4j.bench.harness;

import java.util.List;
import java.util.Locale;

/**
 * A C program contestant: a source file of {@code mmf4j-bench/src/main/c} (packaged into the benchmark jar under
 * {@code c/}), compiled with {@code gcc -O2} once per sitting and run once per round. Its figure is the first number
 * after {@link #label()} on the first output line that starts with the label, scaled from {@link #unit()} to
 * nanoseconds. A program that forks a second process is {@link #crossProcess()}: the harness sets
 * {@code MMF4J_BENCH_CPUS=a,b} and the program pins its two processes to CPUs a and b with {@code pin.h}.
 * Immutable; the {@code with}-style methods return a changed copy.
 *
 * @param source       the file name under {@code src/main/c}, e.g. {@code view_cycle.c}
 * @param label        the start of the output line that holds the figure
 * @param args         arguments of a full run
 * @param quickArgs    arguments of a quick or smoke run (empty: the same as {@code args})
 * @param unit         the unit of the printed figure: {@code ns}, {@code us}, {@code ms} or {@code s}
 * @param twoProcesses whether the program runs two processes that must sit on distinct CPUs ({@link #crossProcess()})
 */
public record CProgram(String source, String label, List<String> args, List<String> quickArgs, String unit,
                       boolean twoProcesses) implements Contestant {
    public CProgram {
        args = List.copyOf(args);
        quickArgs = List.copyOf(quickArgs);
        nanosPer(unit);
        if (!(source.endsWith(".c") || source.endsWith(".cpp")) || source.contains("/")) {
            throw new IllegalArgumentException("a C contestant is a file name under src/main/c ending in .c (or .cpp), got "
                    + source);
        }
    }

    /** These arguments for a full run. */
    public CProgram args(String... args) {
        return new CProgram(source, label, List.of(args), quickArgs, unit, twoProcesses);
    }

    /** These arguments for a quick or smoke run. */
    public CProgram quickArgs(String... quickArgs) {
        return new CProgram(source, label, args, List.of(quickArgs), unit, twoProcesses);
    }

    /** The printed figure's unit: {@code ns}, {@code us}, {@code ms} or {@code s}. */
    public CProgram unit(String unit) {
        return new CProgram(source, label, args, quickArgs, unit, twoProcesses);
    }

    /** Marks a program that forks: its two processes are pinned to distinct CPUs. */
    public CProgram crossProcess() {
        return new CProgram(source, label, args, quickArgs, unit, true);
    }

    /** The arguments for a run of the given settings. */
    List<String> argsFor(RunSettings settings) {
        return settings.isShort() && !quickArgs.isEmpty() ? quickArgs : args;
    }

    @Override
    public String id() {
        String text = label.endsWith(":") ? label.substring(0, label.length() - 1) : label;
        return "C " + source.replaceFirst("\\.c(pp)?$", "") + ": " + text;
    }

    @Override
    public String selector() {
        return source;
    }

    static double nanosPer(String unit) {
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "ns" -> 1;
            case "us", "µs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("unit " + unit + ": use ns, us, ms or s");
        };
    }
}
