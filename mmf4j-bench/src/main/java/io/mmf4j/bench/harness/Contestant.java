package io.mmf4j.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * One side of a {@link Goal}: something the harness measures once per round and reads one figure from, a time per
 * operation in nanoseconds (smaller is better). Immutable values; two equal contestants are one contestant, measured
 * once per round however many goals name them. Make them with the static factories:
 *
 * {@snippet :
 * Contestant accessor = Contestant.jmh(GetPutBench.class, "accessorGet");
 * Contestant flat = Contestant.jmh(FlatFileDatabaseBench.class, "accessor", "records=1000000");
 * Contestant cView = Contestant.c("view_cycle.c", "read view ns/op").args("read", "20000").quickArgs("read", "2000");
 * Contestant pingPong = Contestant.crossProcess(ViewPingPong.class, "mmf4jAccessor");
 * }
 */
public sealed interface Contestant
        permits Contestant.Jmh, CProgram, Contestant.CrossProcess, Contestant.Check, Contestant.Budget {
    /** A short unique name for tables and the per-round data file. */
    String id();

    /** The text {@code --include} patterns are matched against (a benchmark name, a C file, a harness class). */
    String selector();

    /**
     * A JMH benchmark method with fixed parameters, run in its own fork once per round with the warm-up and
     * measurement its annotations give ({@code @Warmup}, {@code @Measurement}); the figure is that fork's score.
     *
     * @param benchmark the full name, {@code io.mmf4j.bench.views.GetPutBench.accessorGet}
     * @param params    JMH parameters the benchmark runs with (every {@code @Param} with more than one value must be set)
     */
    record Jmh(String benchmark, Map<String, String> params) implements Contestant {
        public Jmh {
            params = Map.copyOf(params);
        }

        @Override
        public String id() {
            String simple = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return params.isEmpty() ? simple : simple + new java.util.TreeMap<>(params);
        }

        @Override
        public String selector() {
            return benchmark;
        }

        /** The benchmark class's name. */
        public String benchmarkClass() {
            return benchmark.substring(0, benchmark.lastIndexOf('.'));
        }
    }

    /**
     * One contestant of a cross-process {@link LatencyHarness}: the harness runs (all its contestants) once per round
     * in a child JVM pinned to one CPU, its echoing child JVMs pinned to another; the figure is the median round trip.
     *
     * @param harness    the harness class
     * @param contestant the {@link LatencyResult#contestant()} name it reports
     */
    record CrossProcess(Class<? extends LatencyHarness> harness, String contestant) implements Contestant {
        @Override
        public String id() {
            return harness.getSimpleName() + "." + contestant;
        }

        @Override
        public String selector() {
            return harness.getName();
        }
    }

    /**
     * A program that must work: {@code main} runs in a child JVM ({@code -Xmx64m}) that a watchdog kills once its
     * resident memory passes {@code maxRssMiB}; it passes when it exits 0 after printing {@code CHECK <nanos> <what
     * it saw>}, the nanoseconds being the figure. A {@link Goal} with no clauses over a check is met when every round
     * passed.
     *
     * @param main      the class whose {@code main} runs
     * @param args      its arguments
     * @param maxRssMiB the watchdog's bound on the child's resident memory
     */
    record Check(Class<?> main, List<String> args, long maxRssMiB) implements Contestant {
        public Check {
            args = List.copyOf(args);
            if (maxRssMiB <= 0) {
                throw new IllegalArgumentException("maxRssMiB must be positive, got " + maxRssMiB);
            }
        }

        @Override
        public String id() {
            return main.getSimpleName() + (args.isEmpty() ? "" : " " + String.join(" ", args));
        }

        @Override
        public String selector() {
            return main.getName();
        }
    }

    /**
     * A fixed figure, for goals that an issue states as an absolute time rather than against a peer ("list() of 10,000
     * objects within 100 ms"): a goal {@code atMost(1.0, budget)} is met in a round when the subject takes at most
     * {@code nanos}. Nothing runs; every round's figure is {@code nanos}.
     *
     * @param label how the report names the budget, e.g. "100 ms"
     * @param nanos the budget in nanoseconds
     */
    record Budget(String label, double nanos) implements Contestant {
        public Budget {
            if (!(nanos > 0) || Double.isInfinite(nanos)) {
                throw new IllegalArgumentException("a budget must be a positive time, got " + nanos + " ns");
            }
        }

        @Override
        public String id() {
            return "budget " + label;
        }

        @Override
        public String selector() {
            return "budget " + label;
        }
    }

    /** A {@link Budget} of {@code nanos} nanoseconds, named {@code label} in the report. */
    static Budget budget(String label, double nanos) {
        return new Budget(label, nanos);
    }

    /** A {@link Check} of {@code main} with {@code args}, killed past {@code maxRssMiB} MiB resident. */
    static Check check(Class<?> main, long maxRssMiB, String... args) {
        return new Check(main, List.of(args), maxRssMiB);
    }

    /** The JMH benchmark {@code method} of {@code type}, with {@code params} given as {@code name=value}. */
    static Jmh jmh(Class<?> type, String method, String... params) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (String param : params) {
            int eq = param.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("a JMH parameter is name=value, got '" + param + "'");
            }
            map.put(param.substring(0, eq), param.substring(eq + 1));
        }
        return new Jmh(type.getName() + "." + method, map);
    }

    /**
     * A C program of {@code mmf4j-bench/src/main/c} that the harness compiles with {@code gcc -O2} and runs once per
     * round; the figure is the first number after {@code label} on the first output line starting with it, in
     * nanoseconds unless {@link CProgram#unit(String)} says otherwise. Add {@link CProgram#args} and the rest.
     */
    static CProgram c(String source, String label) {
        return new CProgram(source, label, List.of(), List.of(), "ns", false);
    }

    /** The contestant {@code contestant} of the cross-process harness {@code harness}. */
    static CrossProcess crossProcess(Class<? extends LatencyHarness> harness, String contestant) {
        return new CrossProcess(harness, contestant);
    }
}
