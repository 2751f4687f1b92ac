package io.mmf4j.bench.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A goal of a benchmark class, stated as a ratio between two of its {@code @Benchmark} methods measured in the
 * same run. The harness reads it from the class, so a new benchmark states its goals here and needs no change to
 * the harness. Set exactly one of {@link #slowerAtMost()} and {@link #fasterAtLeast()}.
 *
 * {@snippet :
 * @Goal(subject = "accessor", peer = "rawSegment", slowerAtMost = 1.2)      // within 1.2x of raw FFM
 * @Goal(subject = "accessor", peer = "randomAccessFile", fasterAtLeast = 20) // 20x faster than RAF
 * public class FlatFileDatabaseBench { ... }
 * }
 *
 * <p>"Faster" is peer time / subject time (or subject throughput / peer throughput), whatever the JMH mode.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Goals.class)
public @interface Goal {
    /** The benchmark method that measures mmf4j. */
    String subject();

    /** The benchmark method that measures the peer or baseline. */
    String peer();

    /** The subject may take at most this many times the peer's time; 0 = not used. */
    double slowerAtMost() default 0;

    /** The subject must be at least this many times as fast as the peer; 0 = not used. */
    double fasterAtLeast() default 0;
}
