package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * The heap under stress and abuse: many threads allocating and freeing each other's blocks, corrupted headers,
 * compaction under stale segments, and the walk's picture of it all.
 */
class HeapIntegrityTest {

    @Test
    void fourThreadsOfRandomAllocAndFreeLeaveAValidHeapWithoutOverlaps() throws Exception {
        int threads = 4;
        int ops = 100_000;
        ConcurrentLinkedQueue<MemorySegment> handOff = new ConcurrentLinkedQueue<>();
        List<List<MemorySegment>> kept = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        try (Heap heap = Heap.create(0, 0)) {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<MemorySegment> live = new ArrayList<>();
                kept.add(live);
                long seed = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        work(heap, new SplittableRandom(seed), ops, live, handOff);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals(List.of(), errors);
            assertTrue(heap.validate());
            List<MemorySegment> all = new ArrayList<>(handOff);
            kept.forEach(all::addAll);
            all.sort(Comparator.comparingLong(MemorySegment::address));
            for (int i = 1; i < all.size(); i++) {
                MemorySegment a = all.get(i - 1);
                MemorySegment b = all.get(i);
                assertTrue(a.address() + a.byteSize() <= b.address() && a.address() != b.address(),
                        "blocks overlap: " + a + " and " + b);
            }
            long sum = 0;
            for (MemorySegment block : all) {
                assertEquals(block.byteSize(), heap.sizeOf(block));
                long tag = block.byteSize() >= 8 ? block.get(ValueLayout.JAVA_LONG_UNALIGNED, 0) : -1;
                if (tag != -1) {
                    assertEquals(block.address(), tag, "a block's contents are its own");
                }
                sum += block.byteSize();
            }
            assertEquals(sum, heap.summary().allocated());
            long busy = heap.walk().stream().filter(e -> e.kind() == HeapEntryKind.BUSY
                    || e.kind() == HeapEntryKind.LARGE_BLOCK).count();
            assertEquals(all.size(), busy);
            all.forEach(heap::free);
            assertEquals(0, heap.summary().allocated());
            assertTrue(heap.validate());
        }
    }

    /** Random sizes (mostly small, some page runs, a few large), frees of its own and other threads' blocks. */
    private static void work(Heap heap, SplittableRandom random, int ops, List<MemorySegment> live,
                             ConcurrentLinkedQueue<MemorySegment> handOff) {
        for (int i = 0; i < ops; i++) {
            int dice = random.nextInt(100);
            if (dice < 50 || live.isEmpty()) {
                long size = dice == 0 ? 40_000 + random.nextInt(100_000)
                        : (i % 5000 == 0 ? (1 << 20) + random.nextInt(1 << 20) : random.nextInt(2048));
                MemorySegment block = heap.allocate(size);
                if (size >= 8) {
                    block.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, block.address());
                }
                if (dice < 10) {
                    handOff.add(block);
                } else {
                    live.add(block);
                }
            } else if (dice < 60) {
                MemorySegment other = handOff.poll();
                if (other != null) {
                    heap.free(other);
                }
            } else if (dice < 65) {
                int at = random.nextInt(live.size());
                MemorySegment resized = heap.reallocate(live.get(at), random.nextInt(3000));
                if (resized.byteSize() >= 8) {
                    resized.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, resized.address());
                }
                live.set(at, resized);
            } else {
                int at = random.nextInt(live.size());
                MemorySegment block = live.get(at);
                live.set(at, live.getLast());
                live.removeLast();
                heap.free(block);
            }
        }
    }

    @Test
    @SuppressWarnings("restricted") // the point: writing over a block's header through a reinterpreted segment
    void validateFindsCorruptedHeadersWithoutCrashing() {
        try (Heap heap = Heap.create(0, 0)) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                blocks.add(heap.allocate(48));
            }
            MemorySegment run = heap.allocate(60_000);
            assertTrue(heap.validate());
            MemorySegment victim = blocks.get(50);
            MemorySegment header = MemorySegment.ofAddress(victim.address() - 8).reinterpret(8);
            long saved = header.get(ValueLayout.JAVA_LONG, 0);
            header.set(ValueLayout.JAVA_LONG, 0, 0x7FFF_FFFF_FFFF_FFFFL); // a "size" that would reach anywhere
            assertFalse(heap.validate());
            assertFalse(heap.validate(victim));
            assertTrue(heap.validate(blocks.get(49)));
            // The heap never steers by the header: everything still works, the corruption stays reported.
            heap.free(blocks.remove(49));
            heap.free(heap.allocate(48));
            assertEquals(48, heap.sizeOf(victim));
            assertFalse(heap.validate());
            header.set(ValueLayout.JAVA_LONG, 0, saved);
            assertTrue(heap.validate());

            // An overrun of one block into the next one's header (the classic heap corruption).
            MemorySegment first = blocks.get(10);
            MemorySegment overrun = first.reinterpret(first.byteSize() + 24);
            overrun.fill((byte) 0xAB);
            assertFalse(heap.validate());
            assertFalse(heap.validate(blocks.get(11)));
            blocks.forEach(heap::free); // freeing over corrupted headers is safe
            MemorySegment runHeader = MemorySegment.ofAddress(run.address() - 16).reinterpret(16);
            runHeader.fill((byte) 0);
            assertFalse(heap.validate(run));
            heap.free(run);
            assertEquals(0, heap.summary().allocated());
        }
    }

    @Test
    void compactGivesFreePagesBackAndStaleSegmentsReadZero() {
        try (Heap heap = Heap.create(0, 0)) {
            List<MemorySegment> blocks = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                MemorySegment block = heap.allocate(4000);
                block.fill((byte) 1);
                blocks.add(block);
            }
            MemorySegment keep = heap.allocate(100);
            long before = heap.summary().committed();
            blocks.forEach(heap::free);
            long largest = heap.compact();
            HeapSummary after = heap.summary();
            assertTrue(after.committed() < before / 4, "committed " + before + " -> " + after.committed());
            assertTrue(largest >= 0 && largest < 64 * 1024, "runs of 64 KiB and more went back: " + largest);
            MemorySegment stale = blocks.get(1000); // freed, pages given back: reads zero, never faults
            assertEquals(0, stale.get(ValueLayout.JAVA_BYTE, 0));
            stale.set(ValueLayout.JAVA_BYTE, 0, (byte) 5); // writing is harmless to the heap too
            assertTrue(heap.walk().stream().anyMatch(e -> e.kind() == HeapEntryKind.UNCOMMITTED));
            assertTrue(heap.validate(keep));
            assertTrue(heap.validate());
            MemorySegment again = heap.allocate(4000);
            again.fill((byte) 2);
            assertTrue(heap.validate());
        }
    }

    @Test
    void theWalkTilesEachRegion() {
        try (Heap heap = Heap.create(1 << 20, 1 << 24)) {
            MemorySegment a = heap.allocate(24);
            MemorySegment b = heap.allocate(50_000);
            heap.free(heap.allocate(24));
            List<HeapEntry> entries = heap.walk();
            HeapEntry region = entries.getFirst();
            assertEquals(HeapEntryKind.REGION, region.kind());
            assertEquals(1 << 24, region.size());
            assertTrue(entries.contains(new HeapEntry(a.address(), 24, 32 + 16 - 24, 0, HeapEntryKind.BUSY)));
            assertTrue(entries.stream().anyMatch(e -> e.kind() == HeapEntryKind.BUSY && e.address() == b.address()
                    && e.size() == 50_000));
            assertTrue(entries.stream().anyMatch(e -> e.kind() == HeapEntryKind.FREE));
            assertTrue(entries.stream().anyMatch(e -> e.kind() == HeapEntryKind.UNCOMMITTED));
            long covered = 0;
            for (HeapEntry e : entries.subList(1, entries.size())) {
                covered += e.size() + e.overhead();
            }
            assertTrue(covered <= region.size() && covered >= region.size() - 16L * 4096, "covered " + covered);
            HeapSummary summary = heap.summary();
            assertEquals(24 + 50_000, summary.allocated());
            assertEquals(1 << 24, summary.reserved());
            assertEquals(1 << 24, summary.maximumReserve());
            assertTrue(summary.committed() >= 1 << 20);
        }
    }
}
