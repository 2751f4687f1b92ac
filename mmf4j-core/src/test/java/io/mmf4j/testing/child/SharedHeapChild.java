package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.SharedNamespace;
import io.mmf4j.heap.SharedHeap;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A process that works a shared heap for the multi-process tests, logging each completed call on stdout (one
 * flushed line each, so a kill -9 loses no completed line; the line it cuts short has no newline yet, and readers
 * must drop it):
 * <ul>
 * <li>{@code stress WHERE SEED COUNT}: COUNT random allocate/free, contents checked; then "L handle size tag"
 *     for every block it still holds, and "DONE".</li>
 * <li>{@code crash WHERE SEED}: "READY", then allocate/free/findOrCreate/unbind forever: "A h size tag" after an
 *     allocation is filled, "f h" before and "F h" after a free, "N name h" after findOrCreate returned a block
 *     whose contents it checked ("BAD ..." if not), "U name h" after an unbind (the block is kept).</li>
 * </ul>
 * WHERE is {@code ns:DIR:NAME} (a named heap) or {@code file:PATH} (a persistent heap).
 */
public final class SharedHeapChild {
    public static final int NAMES = 16;
    public static final int NAMED_SIZE = 256;

    private SharedHeapChild() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
        try (SharedHeap heap = open(args[1])) {
            if (args[0].equals("stress")) {
                stress(heap, random, Integer.parseInt(args[3]), out);
            } else {
                out.println("READY");
                crash(heap, random, out);
            }
        }
    }

    public static SharedHeap open(String where) throws Exception {
        if (where.startsWith("file:")) {
            return SharedHeap.createFromFile(Path.of(where.substring(5)), FileMode.OPEN, 0);
        }
        String[] parts = where.split(":", 3);
        return SharedHeap.openExisting(SharedNamespace.at(Path.of(parts[1])), parts[2]);
    }

    /** The long at {@code 8 * j} of a block filled for {@code tag} (its tail bytes: the low bytes of the next). */
    public static long pattern(long tag, long j) {
        return tag * 0x9E3779B97F4A7C15L + j * 0xBF58476D1CE4E5B9L;
    }

    public static void fill(MemorySegment block, long tag) {
        long n = block.byteSize();
        long j = 0;
        for (; 8 * j + 8 <= n; j++) {
            block.set(ValueLayout.JAVA_LONG_UNALIGNED, 8 * j, pattern(tag, j));
        }
        for (long i = 8 * j; i < n; i++) {
            block.set(ValueLayout.JAVA_BYTE, i, (byte) (pattern(tag, j) >>> (8 * (i - 8 * j))));
        }
    }

    public static boolean holds(MemorySegment block, long tag) {
        long n = block.byteSize();
        long j = 0;
        for (; 8 * j + 8 <= n; j++) {
            if (block.get(ValueLayout.JAVA_LONG_UNALIGNED, 8 * j) != pattern(tag, j)) {
                return false;
            }
        }
        for (long i = 8 * j; i < n; i++) {
            if (block.get(ValueLayout.JAVA_BYTE, i) != (byte) (pattern(tag, j) >>> (8 * (i - 8 * j)))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes every initializer of named block {@code k} writes. */
    public static long namedTag(int k) {
        return 1000 + k;
    }

    private record Block(long handle, long size, long tag) {}

    private static void stress(SharedHeap heap, SplittableRandom random, int count, PrintStream out) {
        List<Block> live = new ArrayList<>();
        for (int op = 0; op < count; op++) {
            if (live.size() < 64 && (live.isEmpty() || random.nextInt(100) < 55)) {
                long size = random.nextInt(20) == 0 ? random.nextInt(8192) : random.nextInt(600);
                long tag = random.nextLong();
                long handle = heap.allocate(size);
                MemorySegment block = heap.segment(handle);
                if (block.byteSize() != size) {
                    throw new AssertionError("segment of " + block.byteSize() + " bytes for " + size);
                }
                fill(block, tag);
                live.add(new Block(handle, size, tag));
            } else {
                Block victim = live.remove(random.nextInt(live.size()));
                if (!holds(heap.segment(victim.handle), victim.tag)) {
                    throw new AssertionError("block " + victim + " was overwritten");
                }
                heap.free(victim.handle);
            }
        }
        for (Block b : live) {
            if (!holds(heap.segment(b.handle), b.tag)) {
                throw new AssertionError("block " + b + " was overwritten");
            }
            out.println("L " + b.handle + " " + b.size + " " + b.tag);
        }
        out.println("DONE");
    }

    private static void crash(SharedHeap heap, SplittableRandom random, PrintStream out) {
        List<Block> live = new ArrayList<>();
        for (long op = 1; ; op++) {
            if (op % 256 == 0) {
                pause(); // leaves CPU for the JVMs that start beside it on a small machine
            }
            int dice = random.nextInt(100);
            if (dice < 45 && live.size() < 200) {
                long size = random.nextInt(10) == 0 ? random.nextInt(4096) : random.nextInt(300);
                long tag = random.nextLong();
                long handle = heap.allocate(size);
                fill(heap.segment(handle), tag);
                live.add(new Block(handle, size, tag));
                out.println("A " + handle + " " + size + " " + tag);
            } else if (dice < 80 && !live.isEmpty()) {
                Block victim = live.remove(random.nextInt(live.size()));
                out.println("f " + victim.handle);
                heap.free(victim.handle);
                out.println("F " + victim.handle);
            } else if (dice < 99) {
                int k = random.nextInt(NAMES);
                long handle = heap.findOrCreate("n" + k, NAMED_SIZE, block -> slowFill(block, namedTag(k), random));
                if (!holds(heap.segment(handle), namedTag(k))) {
                    out.println("BAD n" + k + " " + handle);
                }
                out.println("N n" + k + " " + handle);
            } else {
                int k = random.nextInt(NAMES);
                long handle = heap.lookup("n" + k);
                if (handle != 0 && heap.unbind("n" + k)) {
                    out.println("U n" + k + " " + handle); // kept: another process may be reading it
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An initializer slow enough for kills to land inside it. */
    private static void slowFill(MemorySegment block, long tag, SplittableRandom random) {
        fill(block.asSlice(0, block.byteSize() / 2), tag); // a first half that is not yet the block's pattern
        for (int i = 0; i < 4; i++) {
            if (random.nextInt(3) == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Thread.onSpinWait();
        }
        fill(block, tag);
    }
}
