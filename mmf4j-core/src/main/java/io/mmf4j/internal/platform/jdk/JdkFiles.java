package io.mmf4j.internal.platform.jdk;

import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.FilePlatform;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Set;

/** {@link FilePlatform} over {@link FileChannel#open}; no anonymous files, no inheritance. Thread-safe. */
final class JdkFiles implements FilePlatform {
    private final String why;

    JdkFiles(String why) {
        this.why = why;
    }

    @Override
    public OsFile openFile(Path path, FileAccess access, FileCreation creation) throws IOException {
        Set<StandardOpenOption> base = access == FileAccess.READ
                ? EnumSet.of(StandardOpenOption.READ)
                : EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE);
        return switch (creation) {
            case OPEN_EXISTING -> open(path, base, false, access);
            case CREATE_NEW -> createThenOpen(path, base, access);
            case OPEN_OR_CREATE -> openOrCreate(path, base, access);
            case CREATE_OR_TRUNCATE -> openOrCreate(path, with(base, StandardOpenOption.TRUNCATE_EXISTING), access);
        };
    }

    /**
     * Creates the file, then opens it: java.nio ignores CREATE_NEW on a channel opened only for reading, so the
     * creation is its own step. {@code FileAlreadyExistsException} if it exists.
     */
    private OsFile createThenOpen(Path path, Set<StandardOpenOption> base, FileAccess access) throws IOException {
        Files.createFile(path);
        Set<StandardOpenOption> options = EnumSet.copyOf(base);
        options.remove(StandardOpenOption.TRUNCATE_EXISTING);
        try {
            return open(path, options, true, access);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path); // made by this call: nothing left behind
            throw e;
        }
    }

    /** Tries exclusive creation first, so that {@link OsFile#created()} is exact. */
    private OsFile openOrCreate(Path path, Set<StandardOpenOption> base, FileAccess access) throws IOException {
        while (true) {
            try {
                return createThenOpen(path, base, access);
            } catch (FileAlreadyExistsException exists) {
                // open the existing one
            }
            try {
                return open(path, base, false, access);
            } catch (NoSuchFileException removed) {
                // removed between the two opens: try again
            }
        }
    }

    private static Set<StandardOpenOption> with(Set<StandardOpenOption> base, StandardOpenOption option) {
        Set<StandardOpenOption> options = EnumSet.copyOf(base);
        options.add(option);
        return options;
    }

    private OsFile open(Path path, Set<? extends OpenOption> options, boolean created, FileAccess access)
            throws IOException {
        FileChannel channel = FileChannel.open(path, options);
        try {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path)) {
                throw new IOException(path + " is not a regular file");
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new JdkFile(channel, path.toString(), created, access == FileAccess.READ_WRITE, why);
    }

    @Override
    public OsFile createAnonymous(String description) {
        throw JdkPlatform.unsupported("anonymous maps (createNew with a null name)", why);
    }

    @Override
    public long handleNumber(OsFile file) {
        throw JdkPlatform.unsupported("passing a map to a child process (inheritable)", why);
    }

    @Override
    public OsFile openInherited(long processId, long handleNumber, FileAccess access) {
        throw JdkPlatform.unsupported("opening a map passed by a parent process (inheritable)", why);
    }
}
