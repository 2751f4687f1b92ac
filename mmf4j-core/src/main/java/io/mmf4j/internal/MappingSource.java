package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a map's views are mapped from — an open file, a channel, shared memory — with a count of its holders:
 * the map object and every open view. The source is released when the last holder lets go, which is how
 * views outlive their map, as on Windows.
 *
 * <p>Thread-safe.
 */
public abstract class MappingSource {
    private final AtomicInteger holders = new AtomicInteger(1); // the map object that made this source

    /** Maps {@code [pageOffset, pageOffset + length)} into {@code arena}; {@code pageOffset} is page-aligned. */
    protected abstract MemorySegment map(long pageOffset, long length, MapAccess access, Arena arena) throws IOException;

    /** Writes a mapping's dirty pages to the backing store and makes them durable. */
    protected abstract void flush(MemorySegment mapping) throws IOException;

    /**
     * Takes a mapping's pages out of memory (a hint), {@code pageOffset} being where it starts in the source.
     * By default the OS pages out what this process has mapped; a file source also lets the page cache go.
     */
    protected void evict(MemorySegment mapping, long pageOffset) throws IOException {
        Platform.current().pageOut(mapping);
    }

    /** Called once, when the last holder lets go. */
    protected abstract void release() throws IOException;

    /** The file or name, for messages. */
    public abstract String describe();

    /** Adds a holder; {@code IllegalStateException} if the source was already released. */
    final void retain() {
        int count;
        do {
            count = holders.get();
            if (count == 0) {
                throw new IllegalStateException(describe() + " is closed");
            }
        } while (!holders.compareAndSet(count, count + 1));
    }

    /** Removes a holder, releasing the source after the last one. */
    final void letGo() throws IOException {
        int left = holders.decrementAndGet();
        if (left == 0) {
            release();
        } else if (left < 0) {
            throw new AssertionError("holder count below zero for " + describe());
        }
    }

    /** The number of holders: the map object, while open, and each open view. */
    public final int holders() {
        return holders.get();
    }
}
