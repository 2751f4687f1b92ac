package io.mmf4j.testing.child;

import io.mmf4j.vm.Protection;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two threads read and write through segments, compiled and hot, while the main thread decommits, protects,
 * re-commits and closes the pages under them, for the number of seconds given. Prints
 * {@code survived <accesses> <refusals>}: a fault would kill the JVM before that line.
 */
public final class VmRaceChild {
    private static final int PAGES = 16;
    private static volatile Region region;

    private VmRaceChild() {}

    public static void main(String[] args) throws Exception {
        long seconds = Long.parseLong(args[0]);
        long page = VirtualMemory.pageSize();
        region = VirtualMemory.allocate(PAGES * page, Protection.READ_WRITE);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong accesses = new AtomicLong();
        AtomicLong refusals = new AtomicLong();
        Thread[] workers = new Thread[2];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = new Thread(() -> hammer(page, stop, accesses, refusals));
            workers[w].start();
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            Region r = region;
            long at = random.nextInt(PAGES) * page;
            long size = (1 + random.nextInt(4)) * page;
            size = Math.min(size, PAGES * page - at);
            switch (random.nextInt(5)) {
                case 0 -> r.decommit(at, size);
                case 1 -> r.commit(at, size, Protection.READ_WRITE);
                case 2 -> {
                    try {
                        r.protect(at, size, random.nextBoolean() ? Protection.READ_ONLY : Protection.NO_ACCESS);
                    } catch (IllegalStateException notCommitted) {
                        // part of the range was decommitted: protect refuses, as VirtualProtect does
                    }
                }
                case 3 -> r.commit(0, PAGES * page, Protection.READ_WRITE);
                default -> {
                    region = VirtualMemory.allocate(PAGES * page, Protection.READ_WRITE);
                    r.close();
                }
            }
            Thread.onSpinWait();
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        region.close();
        System.out.println("survived " + accesses.get() + " " + refusals.get());
    }

    private static void hammer(long page, AtomicBoolean stop, AtomicLong accesses, AtomicLong refusals) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long done = 0;
        long refused = 0;
        while (!stop.get()) {
            try {
                int first = random.nextInt(PAGES - 1);
                MemorySegment segment = region.segment(first * page, 2 * page);
                for (int round = 0; round < 1000; round++) {
                    long offset = random.nextLong(segment.byteSize() / 8) * 8;
                    long value = segment.get(ValueLayout.JAVA_LONG, offset);
                    if (!segment.isReadOnly()) {
                        segment.set(ValueLayout.JAVA_LONG, offset, value + 1);
                    }
                    done++;
                }
            } catch (IllegalStateException e) {
                refused++; // closed, decommitted, protected or invalidated under us: exactly what must happen
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        accesses.addAndGet(done);
        refusals.addAndGet(refused);
    }
}
