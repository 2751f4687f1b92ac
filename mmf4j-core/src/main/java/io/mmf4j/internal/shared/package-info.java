/**
 * Named objects of every kind — maps, persisted-map names, mutexes, semaphores, events — in a namespace
 * directory: name encoding ({@link io.mmf4j.internal.shared.NameEncoding}), the file layout
 * ({@link io.mmf4j.internal.shared.SharedObjectDescriptor}), atomic creation, crash-safe holders and reclamation
 * ({@link io.mmf4j.internal.shared.Namespace}, {@link io.mmf4j.internal.shared.SharedHandle}). Kinds add their
 * own payload layout after the header; this package does not know what a payload means.
 *
 * <p>Null policy: as in {@code io.mmf4j}, no argument may be null unless its documentation says so.
 */
package io.mmf4j.internal.shared;
