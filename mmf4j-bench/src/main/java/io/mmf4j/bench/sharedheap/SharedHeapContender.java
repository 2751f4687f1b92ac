package io.mmf4j.bench.sharedheap;

import io.mmf4j.heap.SharedHeap;

/** The second process of {@link SharedHeapBench#allocateFreeContended}: allocate(64) + free until its stdin ends (the
 * benchmark fork closed it or died). */
public final class SharedHeapContender {
    private SharedHeapContender() {}

    public static void main(String[] args) throws Exception {
        Thread.ofPlatform().daemon().start(() -> { // the benchmark fork closes stdin, or dies: stop
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent
                }
            } catch (java.io.IOException e) {
                // as good as end of input
            }
            Runtime.getRuntime().halt(0);
        });
        try (SharedHeap heap = SharedHeap.openExisting(args[0])) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                heap.free(heap.allocate(64));
            }
        }
    }
}
