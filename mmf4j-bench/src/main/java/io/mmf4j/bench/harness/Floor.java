package io.mmf4j.bench.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The machine floor of a benchmark class: a C program in the resources folder {@code floors/} that the harness
 * compiles with gcc, runs beside the JMH suite, and reads one figure from. The harness prints the floor next to
 * the Java figures; a new benchmark adds its C file and this annotation, and needs no change to the harness.
 *
 * {@snippet :
 * @Floor(program = "view_mmap.c", args = "20000", label = "mmap+munmap 1MiB view ns", unit = "ns/op")
 * public class ViewLifecycleBench { ... }
 * }
 *
 * <p>The figure is the first number on the first output line that starts with {@link #label()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Floors.class)
public @interface Floor {
    /** The file name under the resources folder {@code floors/}. */
    String program();

    /** Arguments for a full run. */
    String[] args() default {};

    /** Arguments for a quick or smoke run; empty = the same as {@link #args()}. */
    String[] quickArgs() default {};

    /** The start of the output line that holds the figure. */
    String label();

    /** The unit of the figure, as printed. */
    String unit();
}
