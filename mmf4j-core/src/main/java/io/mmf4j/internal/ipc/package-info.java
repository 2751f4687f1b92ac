/**
 * The implementation of {@code io.mmf4j.ipc}: the shared-memory ring of a message queue
 * ({@link io.mmf4j.internal.ipc.QueueDescriptor}, {@link io.mmf4j.internal.ipc.QueueRing}), its waits
 * ({@link io.mmf4j.internal.ipc.QueueCore}) and its place in the named-object namespace. Never exported.
 */
package io.mmf4j.internal.ipc;
