package io.mmf4j.bench.heap;

import io.mmf4j.heap.SharedHeap;

/** The second process of {@link SharedHeapBench#allocateFreeContended}: allocate(64) + free until killed. */
public final class SharedHeapContender {
    private SharedHeapContender() {}

    public static void main(String[] args) throws Exception {
        try (SharedHeap heap = SharedHeap.openExisting(args[0])) {
            System.out.println("ready");
            System.out.flush();
            while (true) {
                heap.free(heap.allocate(64));
            }
        }
    }
}
