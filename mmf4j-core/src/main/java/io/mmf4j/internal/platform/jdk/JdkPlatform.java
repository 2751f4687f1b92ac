package io.mmf4j.internal.platform.jdk;

import io.mmf4j.internal.platform.FilePlatform;
import io.mmf4j.internal.platform.MappingPlatform;
import io.mmf4j.internal.platform.NamedObjectStore;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.ProcessPlatform;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import io.mmf4j.internal.platform.WaitPlatform;

/**
 * The portable backend: java.nio only ({@code FileChannel.map} into the caller's arena, {@code force}, file sizes),
 * no native access, any OS the JDK runs on. Persisted maps and their views work; named objects, anonymous maps,
 * maps passed to a child, virtual memory, sync objects and residency do not: their capabilities throw
 * {@code UnsupportedOperationException} naming the feature and this backend. Immutable and thread-safe.
 */
public final class JdkPlatform implements Platform {
    /** The backend's name in messages. */
    static final String NAME = "jdk";

    private final String why;
    private final JdkFiles files;
    private final JdkMappings mappings = new JdkMappings();
    private final JdkProcesses processes;

    /** The backend; {@code why} (e.g. "chosen by -Dmmf4j.platform=jdk") goes into every refusal. */
    public JdkPlatform(String why) {
        this.why = why;
        this.files = new JdkFiles(why);
        this.processes = new JdkProcesses(why);
    }

    /** The refusal of a feature this backend lacks. */
    static UnsupportedOperationException unsupported(String feature, String why) {
        return new UnsupportedOperationException(feature + " is not supported by mmf4j's portable " + NAME
                + " backend (" + why + "); it needs the native backend, e.g. -Dmmf4j.platform=linux on Linux x86_64");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FilePlatform files() {
        return files;
    }

    @Override
    public MappingPlatform mappings() {
        return mappings;
    }

    @Override
    public WaitPlatform waits() {
        throw unsupported("waiting on shared memory (named mutexes, semaphores, events)", why);
    }

    @Override
    public ProcessPlatform processes() {
        return processes;
    }

    @Override
    public io.mmf4j.internal.platform.PlacedMappings placedMappings() {
        throw unsupported("views at chosen addresses, in regions or growing in place", why);
    }

    @Override
    public VirtualMemoryPlatform virtualMemory() {
        throw unsupported("virtual memory (reserve, commit, protect)", why);
    }

    @Override
    public NamedObjectStore namedObjects() {
        throw unsupported("named objects (named maps, sync objects, namespaces)", why);
    }

    @Override
    public String toString() {
        return NAME + " backend (" + why + ")";
    }
}
