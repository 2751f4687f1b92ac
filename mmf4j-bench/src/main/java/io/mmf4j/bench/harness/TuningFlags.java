package io.mmf4j.bench.harness;

import java.util.List;

/**
 * The {@code -Dmmf4j.*} tuning properties of this JVM (e.g. {@code -Dmmf4j.sync.maxSpins=0}) as flags for the child
 * JVMs a benchmark starts, so that both sides of a cross-process measurement run with the same tuning.
 * Stateless.
 */
public final class TuningFlags {
    private TuningFlags() {}

    /** This JVM's {@code mmf4j.*} system properties as {@code -Dname=value} flags, sorted by name. */
    public static List<String> forChild() {
        return System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("mmf4j."))
                .sorted().map(k -> "-D" + k + "=" + System.getProperty(k)).toList();
    }
}
