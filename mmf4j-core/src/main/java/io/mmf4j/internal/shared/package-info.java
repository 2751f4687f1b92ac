/**
 * The portable half of named objects of every kind — maps, persisted-map names, mutexes, semaphores, events:
 * name encoding ({@link io.mmf4j.internal.shared.NameEncoding}), the header layout
 * ({@link io.mmf4j.internal.shared.SharedObjectDescriptor}), kind checks, and the namespace value
 * ({@link io.mmf4j.internal.shared.Namespace}, {@link io.mmf4j.internal.shared.SharedHandle}). Where objects
 * live, atomic creation, crash-safe holders and reclamation belong to the backend's
 * {@link io.mmf4j.internal.platform.NamedObjectStore}. Kinds add their own payload layout after the header; this
 * package does not know what a payload means.
 *
 * <p>Null policy: as in {@code io.mmf4j}, no argument may be null unless its documentation says so.
 */
package io.mmf4j.internal.shared;
