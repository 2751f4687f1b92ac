package io.mmf4j.internal;

import io.mmf4j.InheritableMap;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.internal.platform.FileAccess;
import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * {@link InheritableMap}: holds the map's source and describes it in a token
 * {@code mmf4j-map-1;PID;HANDLE;DEVICE;INODE;CAPACITY;ACCESS;KIND;NAME;PATH} (KIND {@code F} for a file or
 * anonymous memory, {@code M} for a named map whose PATH in its namespace the child needs to hold the name;
 * NAME and PATH in hex). The child reopens the parent's handle and checks it is the same file.
 */
public final class InheritableMapImpl implements InheritableMap {
    private static final String MAGIC = "mmf4j-map-1";
    private static final HexFormat HEX = HexFormat.of();

    private final MappingSource source;
    private final OsFile passed; // the handle the token names, this object's own: closed at close
    private final String token;
    private boolean closed;

    private InheritableMapImpl(MappingSource source, OsFile passed, String token) {
        this.source = source;
        this.passed = passed;
        this.token = token;
    }

    static InheritableMap share(MemoryMappedFileImpl map) throws IOException {
        MappingSource source = map.source();
        OsFile file;
        String kind;
        String path = "";
        if (source instanceof SharedMapSource shared) {
            file = shared.handle().file();
            kind = "M";
            path = HEX.formatHex(shared.handle().path().toString()
                    .getBytes(StandardCharsets.UTF_8));
        } else if (source instanceof FileSource fileSource) {
            file = fileSource.file();
            kind = "F";
        } else {
            throw new UnsupportedOperationException("a map made from a FileChannel cannot be passed to a child: "
                    + "the channel does not reveal its descriptor");
        }
        source.retain(); // IllegalStateException if everything is closed already
        OsFile passed = null;
        try {
            // A handle of its own, so that close takes the token back (as DuplicateHandle's does on Windows)
            // while the map itself stays open.
            passed = Platform.current().files().duplicate(file);
            FileIdentity identity = file.identity();
            String name = map.name().map(n -> HEX.formatHex(n.getBytes(StandardCharsets.UTF_16LE))).orElse("");
            String token = String.join(";", MAGIC, Long.toString(Platform.current().processes().processId()),
                    Long.toString(Platform.current().files().handleNumber(passed)), Long.toString(identity.device()),
                    Long.toString(identity.inode()), Long.toString(map.capacity()),
                    map.access().name(), kind, name, path);
            return new InheritableMapImpl(source, passed, token);
        } catch (IOException | RuntimeException | Error e) {
            if (passed != null) {
                try {
                    passed.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            source.letGo();
            throw e;
        }
    }

    @Override
    public String token() {
        return token;
    }

    @Override
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        Checks.notNull(builder, "builder");
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("inheritable map is closed");
            }
        }
        builder.environment().put(ENVIRONMENT_VARIABLE, token);
        return builder;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            try {
                passed.close(); // the handle the token names is gone: a child can no longer open the map by it
            } finally {
                source.letGo();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing inheritable map", e);
        }
    }

    /** The child's side: reopens the map a token describes. */
    public static MemoryMappedFile open(String token) throws IOException {
        Checks.notNull(token, "token");
        String[] parts = token.split(";", -1);
        if (parts.length != 10 || !parts[0].equals(MAGIC) || !(parts[7].equals("F") || parts[7].equals("M"))) {
            throw new IllegalArgumentException("token is not an mmf4j inheritable-map token: " + token);
        }
        long pid;
        long handle;
        FileIdentity expected;
        long capacity;
        MemoryMappedFileAccess access;
        String name;
        try {
            pid = Long.parseLong(parts[1]);
            handle = Long.parseLong(parts[2]);
            expected = new FileIdentity(Long.parseLong(parts[3]), Long.parseLong(parts[4]), 1);
            capacity = Long.parseLong(parts[5]);
            access = MemoryMappedFileAccess.valueOf(parts[6]);
            name = parts[8].isEmpty() ? null : new String(HEX.parseHex(parts[8]), StandardCharsets.UTF_16LE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token is not an mmf4j inheritable-map token: " + token, e);
        }
        boolean writable = NamedMaps.sharedWrite(access);
        OsFile file;
        try {
            file = Platform.current().files().openInherited(pid, handle, writable ? FileAccess.READ_WRITE : FileAccess.READ);
        } catch (NoSuchFileException e) {
            NoSuchFileException gone = new NoSuchFileException(token, null,
                    "process " + pid + " has exited or no longer passes this map");
            gone.initCause(e);
            throw gone;
        }
        try {
            if (!file.identity().sameFile(expected)) {
                throw new NoSuchFileException(token, null, "process " + pid + " no longer passes this map");
            }
            if (parts[7].equals("F")) {
                return new MemoryMappedFileImpl(new FileSource(file, () -> { }), name, capacity, access);
            }
            Path path = Path.of(new String(HEX.parseHex(parts[9]), StandardCharsets.UTF_8));
            SharedHandle shared = Namespace.adopt(file, path, writable);
            if (shared.kind() != NamedObjectKind.MAP) {
                throw new IllegalArgumentException("token names a " + shared.kind() + ", not a map");
            }
            return new MemoryMappedFileImpl(new SharedMapSource(shared), name, capacity, access);
        } catch (IOException | RuntimeException | Error e) {
            file.close();
            throw e;
        }
    }
}
