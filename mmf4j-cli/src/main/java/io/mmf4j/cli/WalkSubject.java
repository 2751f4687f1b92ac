package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.heap.Heap;
import io.mmf4j.heap.HeapEntry;
import io.mmf4j.heap.HeapEntryKind;
import io.mmf4j.heap.HeapSummary;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mmf walk-subject} (hidden): the process {@code mmf walk} shows by default. It makes one of everything a
 * newcomer should see in an address space — a mapped file, a named map, a copy-on-write view with private
 * changes, a region reserved in full and committed in part, an mmf4j heap with live blocks — prints one line per thing ({@code what address
 * size description}), then {@code ready}, and holds it all until its stdin closes.
 */
@Command(name = "walk-subject", hidden = true, mixinStandardHelpOptions = true,
        description = "Maps a file, a named map, a copy-on-write view, a partly committed region and a heap, then waits.")
final class WalkSubject implements Callable<Integer> {
    static final long FILE_SIZE = 3L << 20;
    static final long RESERVED = 8L << 20;
    static final long COMMITTED = 2L << 20;
    static final long NAMED_SIZE = 512L << 10;
    static final int HEAP_BLOCKS = 1000;

    @Option(names = "--file", paramLabel = "FILE", description = "Map this file instead of a new one.")
    Path file;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("mmf-walk");
        List<AutoCloseable> held = new ArrayList<>();
        try {
            Path mapped = file != null ? file : dir.resolve("mapped-file.dat");
            if (file == null) {
                Files.write(mapped, new byte[(int) FILE_SIZE]);
            }
            MemoryMappedFile fileMap = hold(held, MemoryMappedFile.createFromFile(mapped, FileMode.OPEN, null, 0,
                    MemoryMappedFileAccess.READ));
            MemoryMappedViewAccessor fileView = hold(held, fileMap.createViewAccessor(0, 0, MemoryMappedFileAccess.READ));
            touch(fileView, fileView.capacity() / 2, false); // half of it resident
            report(out, "mapped-file", fileView.segment().address(), fileView.capacity(), mapped.toString());

            Path cowFile = dir.resolve("copy-on-write.dat");
            Files.write(cowFile, new byte[1 << 20]);
            MemoryMappedFile cowMap = hold(held, MemoryMappedFile.createFromFile(cowFile, FileMode.OPEN, null, 0,
                    MemoryMappedFileAccess.COPY_ON_WRITE));
            MemoryMappedViewAccessor cow = hold(held, cowMap.createViewAccessor());
            touch(cow, 256 << 10, true); // private copies of the first 256 KiB: private dirty
            report(out, "copy-on-write-view", cow.segment().address(), cow.capacity(), cowFile
                    + " (256 KiB written privately)");

            String name = "mmf-walk-demo-" + ProcessHandle.current().pid();
            MemoryMappedFile named = hold(held, MemoryMappedFile.createNew(name, NAMED_SIZE));
            MemoryMappedViewAccessor namedView = hold(held, named.createViewAccessor());
            touch(namedView, NAMED_SIZE, true);
            report(out, "named-map", namedView.segment().address(), namedView.capacity(), "shared memory named '"
                    + name + "'");

            Heap heap = hold(held, Heap.create(0, 0));
            for (int i = 0; i < HEAP_BLOCKS; i++) {
                heap.allocate(64 + i % 512).fill((byte) 3);
            }
            HeapSummary summary = heap.summary();
            for (HeapEntry entry : heap.walk()) {
                if (entry.kind() == HeapEntryKind.REGION) {
                    report(out, "heap", entry.address(), entry.size(), "mmf4j heap region " + entry.regionIndex()
                            + ": " + HEAP_BLOCKS + " live blocks, " + Sizes.human(summary.allocated())
                            + " allocated, " + Sizes.human(summary.committed()) + " committed");
                }
            }

            // One reserved page below the reported range fences its committed part: a read-write mapping that
            // happens to lie right below would otherwise merge with it into one kernel area of another size.
            long fence = VirtualMemory.pageSize();
            Region region = hold(held, VirtualMemory.reserve(fence + RESERVED));
            region.commit(fence, COMMITTED, Protection.READ_WRITE);
            region.segment(fence, COMMITTED).fill((byte) 1);
            report(out, "reserved-region", region.address() + fence, RESERVED, Sizes.human(COMMITTED) + " of "
                    + Sizes.human(RESERVED) + " committed");

            out.println("ready");
            out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream()); // until the walker closes our stdin
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).close();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    private static <T extends AutoCloseable> T hold(List<AutoCloseable> held, T resource) {
        held.add(resource);
        return resource;
    }

    private static void touch(MemoryMappedViewAccessor view, long bytes, boolean write) {
        for (long p = 0; p < bytes; p += CachedFile.TOUCH_STRIDE) {
            if (write) {
                view.putByte(p, (byte) 7);
            } else {
                view.getByte(p);
            }
        }
    }

    private static void report(PrintStream out, String what, long address, long size, String description) {
        out.printf(Locale.ROOT, "%s 0x%x %d %s%n", what, address, size, description);
    }
}
