package io.mmf4j.examples;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.mmf4j.heap.SharedHeap;

/**
 * The shared-heap section's example: a named block initialised once, a block whose handle is stored inside the
 * named one, and its free. Any number of processes may run it at once on the same name.
 */
public final class SharedHeapExample {
    private SharedHeapExample() {}

    /** Usage: SharedHeapExample [NAME] (default "jobs"). */
    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "jobs";
        try (SharedHeap heap = SharedHeap.createOrOpen(name, 16 << 20)) {
            long head = heap.findOrCreate("queue-head", 8, block -> block.set(JAVA_LONG, 0, 0L));
            long node = heap.allocate(64);
            heap.segment(node).set(JAVA_LONG, 0, 42L);
            heap.segment(head).set(JAVA_LONG, 0, node);
            long stored = heap.segment(head).get(JAVA_LONG, 0);
            System.out.println("queue-head holds " + (stored == node ? "the node" : stored) + ", which holds "
                    + heap.segment(stored).get(JAVA_LONG, 0));
            heap.free(node);
            System.out.println("freed; valid " + heap.validate() + ", names " + heap.names().keySet());
        }
    }
}
