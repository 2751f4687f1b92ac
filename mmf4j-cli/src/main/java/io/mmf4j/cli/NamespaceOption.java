package io.mmf4j.cli;

import io.mmf4j.SharedNamespace;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The namespace a command's names live in: this user's own (the default, owner-only), the machine-wide one
 * ({@code --global}, Windows' {@code Global\}), or one in a directory ({@code --namespace DIR}). A picocli mixin.
 */
final class NamespaceOption {

    static final class Choice {
        @Option(names = "--global", description = "Use the machine-wide namespace instead of this user's own.")
        boolean global;

        @Option(names = "--namespace", paramLabel = "DIR", description = "Use the namespace in directory DIR.")
        Path directory;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    /** The namespace; {@code permissions} apply to objects created through it in the global namespace. */
    SharedNamespace namespace(Set<PosixFilePermission> permissions) {
        if (choice == null) {
            return SharedNamespace.local();
        }
        return choice.global ? SharedNamespace.global(permissions) : SharedNamespace.at(choice.directory);
    }

    SharedNamespace namespace() {
        return namespace(PosixFilePermissions.fromString("rw-------"));
    }
}
