/**
 * The portable backend: java.nio only, no native access. Persisted maps and their views work on any OS the JDK
 * runs on; what needs the OS beyond java.nio throws {@code UnsupportedOperationException} naming the feature and
 * this backend.
 *
 * <p>Null policy: no argument may be null; no method returns null.
 */
package io.mmf4j.internal.platform.jdk;
