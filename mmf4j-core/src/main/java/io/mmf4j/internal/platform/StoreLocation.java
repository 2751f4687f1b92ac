package io.mmf4j.internal.platform;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A namespace as its store sees it: where its objects live ({@code directory}: a directory on POSIX, a
 * prefix of kernel object names elsewhere), whether it is the machine-wide one, and what the objects created
 * through it allow others. Made by a {@link NamedObjectStore}; immutable.
 *
 * @param directory   where the namespace's objects live
 * @param global      whether it is the machine-wide namespace (shared by every user)
 * @param permissions what other users may do with objects created through it
 */
public record StoreLocation(Path directory, boolean global, ObjectPermissions permissions) {

    public StoreLocation {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(permissions, "permissions");
    }
}
