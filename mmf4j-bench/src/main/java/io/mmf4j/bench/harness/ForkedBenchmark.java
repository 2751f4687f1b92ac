package io.mmf4j.bench.harness;

import org.openjdk.jmh.annotations.Fork;

/**
 * The one {@code @Fork} of mmf4j's JMH benchmarks: one fork, with the JVM flags mmf4j and Agrona need (native
 * access, Agrona's {@code jdk.internal.misc} export and {@code sun.misc.Unsafe} use, headless charts). JMH's
 * {@code @Fork} is {@code @Inherited}, so a benchmark class extends this class instead of repeating the annotation;
 * a direct JMH run ({@code org.openjdk.jmh.Main}) then forks as the harness does, which adds the same flags
 * ({@link #JVM_FLAGS}, read from this annotation) to every run and to its child JVMs. A class that needs other flags
 * declares its own {@code @Fork}, which replaces this one. No state; never instantiated on its own.
 */
@Fork(value = 1, jvmArgsAppend = {
    "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
    "--sun-misc-unsafe-memory-access=allow", "-Djava.awt.headless=true"})
public abstract class ForkedBenchmark {
    /** The JVM flags of the annotation above, for runs the harness starts itself. */
    static final String[] JVM_FLAGS = ForkedBenchmark.class.getAnnotation(Fork.class).jvmArgsAppend();

    /** For benchmark classes, which JMH instantiates. */
    protected ForkedBenchmark() {}
}
