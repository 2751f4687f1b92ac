/**
 * The implementations behind the {@code io.mmf4j} API: {@code *Impl} classes, the map sources (file, channel,
 * named, anonymous, inherited), views, argument checks and record codecs. Portable: it reaches the OS only
 * through {@link io.mmf4j.internal.platform.Platform}'s capabilities. Never exported.
 *
 * <p>Null policy: no argument may be null unless its documentation says so; the public API checks first.
 */
package io.mmf4j.internal;
