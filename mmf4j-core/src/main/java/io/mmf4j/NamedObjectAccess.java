package io.mmf4j;

import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

/**
 * What users other than its creator may do with a named object: the creator's group and everyone else, each
 * with a {@link Permission}. The creator always reads and writes; nobody executes. A backend maps it to its
 * own rules: POSIX mode bits on Linux (group {@code READ_WRITE}, others {@code READ}: mode 0664), an access
 * control list where the OS keeps them.
 *
 * {@snippet :
 * SharedNamespace board = SharedNamespace.global(
 *         NamedObjectAccess.of(NamedObjectAccess.Permission.READ_WRITE, NamedObjectAccess.Permission.READ));
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @param group  what the creator's group may do
 * @param others what every other user may do
 */
public record NamedObjectAccess(Permission group, Permission others) {

    /** Only the creator (and the administrator) may use the object. */
    public static final NamedObjectAccess OWNER_ONLY = new NamedObjectAccess(Permission.NONE, Permission.NONE);

    /** What one class of users may do with an object. */
    public enum Permission {
        /** Neither read nor write. */
        NONE,
        /** Read (open read-only, map for reading, list). */
        READ,
        /** Write only. */
        WRITE,
        /** Read and write. */
        READ_WRITE;

        /**
         * Whether it allows reading.
         *
         * @return {@code true} for READ and READ_WRITE
         */
        public boolean read() {
            return this == READ || this == READ_WRITE;
        }

        /**
         * Whether it allows writing.
         *
         * @return {@code true} for WRITE and READ_WRITE
         */
        public boolean write() {
            return this == WRITE || this == READ_WRITE;
        }
    }

    /**
     * An access description; both arguments are required.
     *
     * @param group  what the creator's group may do
     * @param others what every other user may do
     */
    public NamedObjectAccess {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(others, "others");
    }

    /**
     * The access {@code group} and {@code others}.
     *
     * @param group  what the creator's group may do
     * @param others what every other user may do
     * @return the access description
     */
    public static NamedObjectAccess of(Permission group, Permission others) {
        return new NamedObjectAccess(group, others);
    }

    /**
     * The access that POSIX {@code permissions} describe; the owner's bits are ignored (the owner always reads
     * and writes).
     *
     * @param permissions POSIX permissions, e.g. {@code PosixFilePermissions.fromString("rw-r--r--")}
     * @return the access description
     * @throws IllegalArgumentException if {@code permissions} holds an execute permission
     */
    public static NamedObjectAccess fromPosix(Set<PosixFilePermission> permissions) {
        Objects.requireNonNull(permissions, "permissions");
        for (PosixFilePermission permission : permissions) {
            if (Objects.requireNonNull(permission, "permissions element").name().endsWith("EXECUTE")) {
                throw new IllegalArgumentException("permissions must not contain " + permission
                        + ": named objects are never executed through their file");
            }
        }
        return new NamedObjectAccess(
                permission(permissions.contains(PosixFilePermission.GROUP_READ),
                        permissions.contains(PosixFilePermission.GROUP_WRITE)),
                permission(permissions.contains(PosixFilePermission.OTHERS_READ),
                        permissions.contains(PosixFilePermission.OTHERS_WRITE)));
    }

    private static Permission permission(boolean read, boolean write) {
        return read ? (write ? Permission.READ_WRITE : Permission.READ) : (write ? Permission.WRITE : Permission.NONE);
    }
}
