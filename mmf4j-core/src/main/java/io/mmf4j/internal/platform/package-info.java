/**
 * The backend seam: six capability interfaces — {@link io.mmf4j.internal.platform.FilePlatform files},
 * {@link io.mmf4j.internal.platform.MappingPlatform mappings}, {@link io.mmf4j.internal.platform.WaitPlatform
 * waits}, {@link io.mmf4j.internal.platform.ProcessPlatform processes},
 * {@link io.mmf4j.internal.platform.VirtualMemoryPlatform virtual memory} and the
 * {@link io.mmf4j.internal.platform.NamedObjectStore named-object store} — and the one place that chooses a
 * backend ({@link io.mmf4j.internal.platform.Platform#current()}, {@code -Dmmf4j.platform=linux|jdk}). Portable code
 * depends on this package only; backends live in subpackages and depend on it, never on portable code.
 * ARCHITECTURE.md says how to add a backend.
 *
 * <p>Null policy: no argument may be null; no method returns null.
 */
package io.mmf4j.internal.platform;
