package io.mmf4j.examples;

import static io.mmf4j.MemoryMappedFileAccess.READ;
import static io.mmf4j.MemoryMappedFileAccess.READ_WRITE;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.vm.Region;
import io.mmf4j.vm.VirtualMemory;

/** Two maps' views laid out side by side in one reserved region (MapViewOfFileEx into address space you chose). */
public final class ViewsInARegion {
    private ViewsInARegion() {}

    public static void main(String[] args) throws Exception {
        try (MemoryMappedFile indexMap = MemoryMappedFile.createNew(null, 64 << 10);
             MemoryMappedFile dataMap = MemoryMappedFile.createNew(null, 1 << 20)) {
            try (Region space = VirtualMemory.reserve(1L << 30);
                 MemoryMappedViewAccessor index = indexMap.createViewAccessor(0, 0, READ, space, 0);
                 MemoryMappedViewAccessor data = dataMap.createViewAccessor(0, 0, READ_WRITE, space, 64L << 20)) {
                space.query(0);                           // COMMITTED, READ_ONLY: the index view's pages
                data.putLong(0, 7);
                System.out.println("index at region offset " + (index.segment().address() - space.address()) + ": "
                        + space.query(0).state() + " " + space.query(0).protection() + "; data at region offset "
                        + (data.segment().address() - space.address()) + ": " + space.query(64L << 20).protection());
            }
        }
    }
}
