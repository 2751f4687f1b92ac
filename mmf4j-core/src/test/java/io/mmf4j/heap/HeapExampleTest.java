package io.mmf4j.heap;

import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;
import org.junit.jupiter.api.Test;

/** The README's heap example, as the README shows it: a chained hash table of small records in heap memory. */
class HeapExampleTest {
    // --- README example starts ---
    static final StructLayout NODE = MemoryLayout.structLayout(
            JAVA_LONG.withName("key"), JAVA_LONG.withName("value"), JAVA_LONG.withName("next"));
    static final VarHandle KEY = NODE.varHandle(MemoryLayout.PathElement.groupElement("key"));
    static final VarHandle VALUE = NODE.varHandle(MemoryLayout.PathElement.groupElement("value"));
    static final VarHandle NEXT = NODE.varHandle(MemoryLayout.PathElement.groupElement("next"));

    static long example() {
        try (Heap heap = Heap.create(0, 0, HeapOption.ZERO_MEMORY)) {
            int buckets = 1 << 16;
            MemorySegment table = heap.allocate(JAVA_LONG, buckets);         // heads: node addresses, 0 = empty
            for (long key = 0; key < 1_000_000; key++) {                     // a million 24-byte records
                MemorySegment node = heap.allocate(NODE);
                long bucket = key & (buckets - 1);
                KEY.set(node, 0L, key);
                VALUE.set(node, 0L, key * key);
                NEXT.set(node, 0L, table.getAtIndex(JAVA_LONG, bucket));
                table.setAtIndex(JAVA_LONG, bucket, node.address());
            }
            long sum = 0;
            for (long bucket = 0; bucket < buckets; bucket++) {              // free them one by one
                long at = table.getAtIndex(JAVA_LONG, bucket);
                while (at != 0) {
                    MemorySegment node = heap.blockAt(at);                   // the block's own segment again
                    sum += (long) VALUE.get(node, 0L);
                    at = (long) NEXT.get(node, 0L);
                    heap.free(node);
                }
            }
            heap.free(table);
            return sum;                                                      // heap.summary().allocated() is 0
        }
    }
    // --- README example ends ---

    @Test
    void theReadmeExampleRuns() {
        long expected = 0;
        for (long key = 0; key < 1_000_000; key++) {
            expected += key * key;
        }
        assertEquals(expected, example());
    }

    @Test
    void blockAtFindsOnlyLiveBlocks() {
        try (Heap heap = Heap.create(0, 0)) {
            MemorySegment small = heap.allocate(NODE);
            MemorySegment run = heap.allocate(70_000);
            MemorySegment large = heap.allocate(3 << 20);
            for (MemorySegment block : new MemorySegment[] {small, run, large}) {
                MemorySegment found = heap.blockAt(block.address());
                assertEquals(block.byteSize(), found.byteSize());
                assertEquals(block.address(), found.address());
                assertTrue(heap.validate(found));
            }
            long at = small.address();
            heap.free(heap.blockAt(at));
            assertEquals(IllegalArgumentException.class, thrown(() -> heap.blockAt(at)));
            assertEquals(IllegalArgumentException.class, thrown(() -> heap.blockAt(run.address() + 16)));
            assertEquals(IllegalArgumentException.class, thrown(() -> heap.blockAt(0)));
            assertEquals(IllegalArgumentException.class, thrown(() -> heap.blockAt(-1)));
        }
    }

    private static Class<?> thrown(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
