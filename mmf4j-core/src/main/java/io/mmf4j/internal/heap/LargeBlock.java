package io.mmf4j.internal.heap;

import io.mmf4j.vm.Region;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A block of a growable heap at or above {@link PageHeap#LARGE_BLOCK}: a region of its own, committed whole, and
 * an arena of its own, closed when the block is freed, so that its segment is invalid before its pages go back
 * to the OS (a segment over released pages would fault).
 *
 * <p>Not thread-safe: the {@link PageHeap}'s lock guards it.
 */
final class LargeBlock {
    final Region region;
    final Arena arena;
    final int index;
    long size;
    MemorySegment segment;

    LargeBlock(Region region, Arena arena, int index, long size, MemorySegment segment) {
        this.region = region;
        this.arena = arena;
        this.index = index;
        this.size = size;
        this.segment = segment;
    }

    long address() {
        return region.address();
    }
}
