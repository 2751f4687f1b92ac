/**
 * The portable implementation of {@code io.mmf4j.vm}: regions, their page runs and segment leases, over
 * {@link io.mmf4j.internal.platform.VirtualMemoryPlatform}.
 *
 * <p>Null policy: no argument may be null.
 */
package io.mmf4j.internal.vm;
