package io.mmf4j.vm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory as the kernel reports it, to show that memory really comes and goes. */
final class ProcMemory {
    private static final long PRESENT_OR_SWAPPED = 3L << 62; // pagemap entry bits 63 (present) and 62 (swapped)

    private ProcMemory() {}

    /**
     * The resident bytes of {@code region}, page by page from /proc/self/pagemap. Not from smaps: the kernel merges
     * an anonymous mapping with a neighbour of the same kind, and the merged area's Rss is mostly the neighbour's
     * (a fresh region right below a filled malloc arena read as fully resident).
     */
    static long resident(Region region) throws IOException {
        long page = VirtualMemory.pageSize();
        int pages = Math.toIntExact(region.size() / page);
        ByteBuffer entries = ByteBuffer.allocate(pages * Long.BYTES).order(ByteOrder.nativeOrder());
        long first = region.address() / page * Long.BYTES;
        try (FileChannel pagemap = FileChannel.open(Path.of("/proc/self/pagemap"))) {
            while (entries.hasRemaining()) {
                if (pagemap.read(entries, first + entries.position()) <= 0) {
                    throw new IOException("pagemap ended early at entry " + entries.position() / Long.BYTES);
                }
            }
        }
        long resident = 0;
        for (int p = 0; p < pages; p++) {
            if ((entries.getLong(p * Long.BYTES) & PRESENT_OR_SWAPPED) != 0) {
                resident += page;
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
