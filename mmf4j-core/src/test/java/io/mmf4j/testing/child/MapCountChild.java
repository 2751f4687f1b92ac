package io.mmf4j.testing.child;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.foreign.ValueLayout;

/**
 * Drives this process to {@code vm.max_map_count}, then protects a range whose {@code mprotect} changes some
 * areas before it fails on a split. Prints "protect failed: ...", then one line per page of the region,
 * "page N: bookkeeping P kernel K", then "write: outcome" for a write through the segment of page 1, and
 * "done". A bookkeeping that disagrees with the kernel hands out a writable segment over a read-only page, and
 * the write aborts the JVM.
 *
 * <p>The region's first and last pages are made {@code NO_ACCESS} before the limit is reached, so that the
 * kernel areas inside it are its own: an anonymous read-write mapping that the JVM happens to have put right
 * below it would otherwise merge with page 1's area, and protecting from page 1 would need a split first and
 * change nothing (CI saw exactly that). Just before the protect the filler is topped up to the limit again,
 * in case the JVM unmapped something of its own meanwhile.
 */
public final class MapCountChild {
    @SuppressWarnings("restricted") // raw mmap/mprotect/munmap of a filler of its own, to reach the limit
    public static void main(String[] args) throws Throwable {
        long page = VirtualMemory.pageSize();
        Region target = VirtualMemory.allocate(10 * page, Protection.READ_WRITE);
        target.protect(0, page, Protection.NO_ACCESS); // fences: [1, 9) merges with no neighbour's area
        target.protect(9 * page, page, Protection.NO_ACCESS);
        target.lock(3 * page, 2 * page); // the kernel splits [3, 5) off as an area of its own; the bookkeeping does not
        long fillerPages = 2 * Long.parseLong(Files.readAllLines(Path.of("/proc/sys/vm/max_map_count")).getFirst().strip()) + 16;
        Linker linker = Linker.nativeLinker();
        MethodHandle mmap = linker.downcallHandle(linker.defaultLookup().findOrThrow("mmap"), FunctionDescriptor.of(
                ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
        MethodHandle mprotect = linker.downcallHandle(linker.defaultLookup().findOrThrow("mprotect"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        MethodHandle munmap = linker.downcallHandle(linker.defaultLookup().findOrThrow("munmap"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        // PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE: address space only, no memory
        long filler = (long) mmap.invokeExact(0L, fillerPages * page, 3, 0x22 | 0x4000, -1, 0L);
        try {
            long next = 1;
            for (int round = 0; round < 2; round++) { // the second round tops up right before the protect
                boolean limit = false;
                for (; next < fillerPages && !limit; next += 2) {
                    limit = (int) mprotect.invokeExact(filler + next * page, page, 1) != 0; // two more areas each time
                }
                if (!limit) {
                    System.out.println("map count limit not reached");
                    return;
                }
            }
            try {
                target.protect(page, 6 * page, Protection.READ_ONLY); // [1, 3) and [3, 5) change, the split at 7 fails
                System.out.println("protect succeeded");
            } catch (IOException expected) {
                System.out.println("protect failed: " + expected.getClass().getSimpleName());
            }
        } finally {
            int unmapped = (int) munmap.invokeExact(filler, fillerPages * page); // back under the limit at once
            if (unmapped != 0) {
                throw new IllegalStateException("munmap failed");
            }
        }
        for (int p = 0; p < 10; p++) {
            MemoryArea kernel = area(target.address() + p * page);
            System.out.println("page " + p + ": bookkeeping " + target.query(p * page).protection() + " kernel "
                    + kernel.protection());
        }
        try {
            MemorySegment segment = target.segment(page, page);
            segment.set(ValueLayout.JAVA_BYTE, 0, (byte) 1);
            System.out.println("write: ok");
        } catch (RuntimeException refused) {
            System.out.println("write: " + refused.getClass().getSimpleName());
        }
        System.out.println("done");
    }

    private static MemoryArea area(long address) throws IOException {
        for (MemoryArea area : VirtualMemory.walk()) {
            if (area.start() <= address && address < area.end()) {
                return area;
            }
        }
        throw new IllegalStateException("no area at 0x" + Long.toHexString(address));
    }
}
