package io.mmf4j.examples;

import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.RegionInfo;
import io.mmf4j.vm.VirtualMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The third source text's virtual memory: reserve address space, commit part of it, write, protect, query,
 * decommit and release — with segments that are taken back before their pages change, so nothing can fault.
 */
public final class VirtualMemoryExample {
    private VirtualMemoryExample() {}

    public static void main(String[] args) throws Exception {
        try (Region region = VirtualMemory.reserve(1L << 30)) {             // 1 GiB of address space, no memory
            region.commit(0, 1 << 20, Protection.READ_WRITE);                // back the first MiB (zero-filled)
            MemorySegment mib = region.segment(0, 1 << 20);
            mib.set(ValueLayout.JAVA_LONG, 0, 42);

            Protection old = region.protect(0, 1 << 20, Protection.READ_ONLY); // old == READ_WRITE, content kept
            try {
                mib.get(ValueLayout.JAVA_LONG, 0);                           // IllegalStateException: pages changed
            } catch (IllegalStateException e) {
                System.out.println("the old segment is taken back: " + e.getMessage());
            }
            long value = region.segment(0, 8).get(ValueLayout.JAVA_LONG, 0); // 42, through a read-only segment

            RegionInfo info = region.query(4096);                            // COMMITTED READ_ONLY, 1 MiB
            System.out.println("was " + old + ", read " + value + ", query: " + info.state() + " "
                    + info.protection() + " " + info.size() + " bytes");
            region.decommit(0, 1 << 20);                                     // memory back to the OS, RSS drops
        }                                                                     // close(): the whole reservation goes
    }
}
