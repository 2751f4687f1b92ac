package io.mmf4j.vm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory as the kernel reports it, to show that memory really comes and goes. */
final class ProcMemory {
    private ProcMemory() {}

    /** The resident bytes of {@code region}, from /proc/self/smaps (through {@link VirtualMemory#walk()}). */
    static long resident(Region region) throws IOException {
        long end = region.address() + region.size();
        long resident = 0;
        for (MemoryArea area : VirtualMemory.walk()) {
            long overlap = Math.min(area.end(), end) - Math.max(area.start(), region.address());
            if (overlap > 0) {
                // A mapping merged with a neighbour reports Rss for both: count at most the part that is ours.
                resident += Math.min(area.resident(), overlap);
            }
        }
        return resident;
    }

    /** The resident size of the whole process, from /proc/self/statm (second field, in pages). */
    static long statmResident() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
        return Long.parseLong(fields[1]) * VirtualMemory.pageSize();
    }
}
