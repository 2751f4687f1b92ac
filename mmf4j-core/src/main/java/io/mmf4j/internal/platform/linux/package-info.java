/**
 * The Linux x86_64 backend: each capability over libc downcalls ({@code internal.ffi.linux}), /proc, and the
 * named-object store on a tmpfs directory (O_TMPFILE + linkat, flock holder marks, /proc/locks counts). The only
 * package that imports {@code internal.ffi.linux}.
 *
 * <p>Null policy: no argument may be null; no method returns null.
 */
package io.mmf4j.internal.platform.linux;
