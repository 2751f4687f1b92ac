package io.mmf4j.sync;

import io.mmf4j.internal.sync.SyncBlock;
import java.lang.foreign.MemorySegment;

/** A raw block for a try-with-resources: tests read and write the shared memory behind the sync objects. */
record AutoCloseableBlock(SyncBlock block) implements AutoCloseable {
    static AutoCloseableBlock of(SyncBlock block) {
        return new AutoCloseableBlock(block);
    }

    MemorySegment segment() {
        return block.segment();
    }

    @Override
    public void close() {
        block.release();
    }
}
