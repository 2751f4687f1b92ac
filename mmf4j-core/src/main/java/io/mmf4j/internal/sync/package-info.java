/**
 * The portable implementation of {@code io.mmf4j.sync}: the shared layouts of mutexes, semaphores and events
 * (their {@code *Descriptor}s), the wait loops over {@link io.mmf4j.internal.platform.WaitPlatform}, and owner
 * death detection.
 *
 * <p>Null policy: no argument may be null.
 */
package io.mmf4j.internal.sync;
