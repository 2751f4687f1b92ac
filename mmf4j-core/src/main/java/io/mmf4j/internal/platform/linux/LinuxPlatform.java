package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.FilePlatform;
import io.mmf4j.internal.platform.MappingPlatform;
import io.mmf4j.internal.platform.NamedObjectStore;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.platform.ProcessPlatform;
import io.mmf4j.internal.platform.VirtualMemoryPlatform;
import io.mmf4j.internal.platform.WaitPlatform;

/**
 * The Linux x86_64 backend, over libc downcalls ({@code internal.ffi.linux}): one object per capability.
 * Made once by the platform selector ({@link #create()} touches libc, so it fails — with the JDK's
 * {@code IllegalCallerException} — where native access is denied). Immutable and thread-safe.
 */
public final class LinuxPlatform implements Platform {
    private final LinuxFiles files = new LinuxFiles();
    private final LinuxMappings mappings;
    private final LinuxWaits waits = new LinuxWaits();
    private final LinuxProcesses processes = new LinuxProcesses();
    private final LinuxNamedObjects namedObjects;

    private LinuxPlatform(long pageSize) {
        this.mappings = new LinuxMappings(pageSize);
        this.namedObjects = new LinuxNamedObjects(processes);
    }

    /** The backend, after a first downcall that proves libc can be reached. */
    public static LinuxPlatform create() {
        return new LinuxPlatform(Unistd.sysconf(Unistd.SC_PAGESIZE));
    }

    @Override
    public String name() {
        return "linux-x86_64";
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
        return waits;
    }

    @Override
    public ProcessPlatform processes() {
        return processes;
    }

    @Override
    public io.mmf4j.internal.platform.PlacedMappings placedMappings() {
        return LinuxPlacedMappings.INSTANCE;
    }

    @Override
    public VirtualMemoryPlatform virtualMemory() {
        return LinuxVirtualMemory.INSTANCE;
    }

    @Override
    public NamedObjectStore namedObjects() {
        return namedObjects;
    }
}
