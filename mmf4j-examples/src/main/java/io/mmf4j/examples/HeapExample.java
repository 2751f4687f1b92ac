package io.mmf4j.examples;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import io.mmf4j.heap.Heap;
import io.mmf4j.heap.HeapOption;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

/**
 * Heaps for many small objects: a chained hash table of a million 24-byte records in an mmf4j heap, each record a
 * block of its own, looked up through the addresses kept in memory and freed one by one.
 */
public final class HeapExample {
    static final StructLayout NODE = MemoryLayout.structLayout(
            JAVA_LONG.withName("key"), JAVA_LONG.withName("value"), JAVA_LONG.withName("next"));
    static final VarHandle KEY = NODE.varHandle(MemoryLayout.PathElement.groupElement("key"));
    static final VarHandle VALUE = NODE.varHandle(MemoryLayout.PathElement.groupElement("value"));
    static final VarHandle NEXT = NODE.varHandle(MemoryLayout.PathElement.groupElement("next"));

    private HeapExample() {}

    public static void main(String[] args) {
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
            System.out.println("1000000 records, " + heap.summary().allocated() + " bytes allocated");
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
            System.out.println("sum of the values " + sum + ", " + heap.summary().allocated() + " bytes allocated"
                    + ", heap valid: " + heap.validate());
        }
    }
}
