package io.mmf4j.bench.harness;

/**
 * One JMH figure: a benchmark method of a class, with its parameters, score, error and unit.
 *
 * @param benchmarkClass the fully qualified benchmark class
 * @param method         the benchmark method (the contestant: mmf4j or a peer)
 * @param params         the JMH parameters as {@code name=value} joined by {@code ", "}; empty when none
 * @param score          the JMH score
 * @param error          the 99.9% confidence half-width, NaN when JMH gives none
 * @param best           the best measured iteration (least time or most throughput): on a shared machine, the
 *                       iteration least disturbed by other work, and what the ratios are computed from
 * @param unit           the JMH score unit, e.g. {@code ns/op} or {@code ops/ms}
 * @param timePerOp      whether a smaller score is better (a time per operation rather than a throughput)
 */
public record Measurement(String benchmarkClass, String method, String params, double score, double error, double best,
                          String unit,
                          boolean timePerOp) {

    /** The class's simple name, for headings. */
    public String simpleClass() {
        return benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
    }

    /** The area: the package segment after {@code io.mmf4j.bench}, e.g. {@code views}. */
    public String area() {
        String pkg = benchmarkClass.substring(0, Math.max(0, benchmarkClass.lastIndexOf('.')));
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    /** How many times faster this is than {@code peer} (above 1 = faster) in their best iterations, whatever the mode. */
    public double speedupOver(Measurement peer) {
        return timePerOp ? peer.best / best : best / peer.best;
    }
}
