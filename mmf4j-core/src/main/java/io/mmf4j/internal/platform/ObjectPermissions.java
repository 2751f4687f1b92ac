package io.mmf4j.internal.platform;

/**
 * What users other than the creator may do with a named object: the creator's group and everyone else, each
 * reading and writing or not. The creator always reads and writes; nobody executes. A backend maps it to its
 * own rules (POSIX mode bits here, an ACL on Windows). Immutable.
 *
 * @param groupRead   the creator's group may read
 * @param groupWrite  the creator's group may write
 * @param othersRead  every other user may read
 * @param othersWrite every other user may write
 */
public record ObjectPermissions(boolean groupRead, boolean groupWrite, boolean othersRead, boolean othersWrite) {

    /** The creator only. */
    public static final ObjectPermissions OWNER_ONLY = new ObjectPermissions(false, false, false, false);
}
