package io.mmf4j;

import io.mmf4j.internal.InheritableMapImpl;

/**
 * A map made available to processes this process starts — .NET's {@code HandleInheritability}, in Java
 * idiom. {@code ProcessBuilder} passes no descriptors to a child, so the map travels as a short token, in an
 * environment variable or an argument; the child opens the map with
 * {@link MemoryMappedFile#openInherited()}. Works for anonymous maps (no name is ever published) and named ones.
 *
 * {@snippet :
 * try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);
 *      InheritableMap shared = map.inheritable()) {
 *     Process child = shared.applyTo(new ProcessBuilder("java", "-cp", cp, "Child")).start();
 *     child.waitFor(); // the child: try (var map = MemoryMappedFile.openInherited()) { ... }
 * }
 * }
 *
 * <p><b>Lifecycle.</b> While open, this object holds the map as a view would, so the map lives even if the
 * map object is closed; the child must open the map before this is closed. The child must run as the same
 * user (it opens the map through {@code /proc/<pid>/fd} on Linux) while this process is alive; what the
 * child opened it keeps, by the usual rules, after this process exits. Thread-safe; close is idempotent.
 */
public sealed interface InheritableMap extends AutoCloseable permits InheritableMapImpl {

    /** The environment variable {@link #applyTo(ProcessBuilder)} sets and {@link MemoryMappedFile#openInherited()} reads. */
    String ENVIRONMENT_VARIABLE = "MMF4J_INHERITED_MAP";

    /**
     * The token a child passes to {@link MemoryMappedFile#openInherited(String)}.
     *
     * @return the token, a short ASCII string safe for an environment variable or a command-line argument
     */
    String token();

    /**
     * Puts the token into {@code builder}'s environment as {@link #ENVIRONMENT_VARIABLE}; returns the builder.
     *
     * @param builder the builder of the child process
     * @return {@code builder}, for chaining
     */
    ProcessBuilder applyTo(ProcessBuilder builder);

    /** Stops holding the map for children; a child that has not opened it yet no longer can. */
    @Override
    void close();
}
