package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a map's views are mapped from — an open file, a channel, shared memory — with a count of its holders:
 * the map object and every open view. The source is released when the last holder lets go, which is how
 * views outlive their map, as on Windows.
 *
 * <p>Two counts: {@link #holders()} falls when a mapping is really gone (a closed view is unmapped a little
 * later, by the {@link ViewReaper}); the count of <em>open</em> holders falls at once when the user closes the
 * map object or a view. What the user sees as lifetime — a named map's name, a holder mark other processes
 * can count — follows the second: {@link #whenLastHolderCloses} actions run when it reaches zero, so a name is
 * free again as soon as its last holder's {@code close()} returns.
 *
 * <p>Thread-safe.
 */
public abstract class MappingSource {
    private final AtomicInteger holders = new AtomicInteger(1); // the map object that made this source
    private final List<AutoCloseable> atLastClose = new CopyOnWriteArrayList<>();

    /** Maps {@code [pageOffset, pageOffset + length)} into {@code arena}; {@code pageOffset} is page-aligned. */
    protected abstract MemorySegment map(long pageOffset, long length, MapAccess access, Arena arena) throws IOException;

    /** The file a source's bytes live in, and where its byte 0 is in that file. */
    record FileWindow(io.mmf4j.internal.platform.OsFile file, long fileOffset) {}

    /**
     * The file views are mapped from, for views the library places itself (at an address, in a region, growing in
     * place), checked for {@code access}. {@code UnsupportedOperationException} where the source has no file
     * descriptor (a {@code FileChannel}).
     */
    protected abstract FileWindow fileWindow(MapAccess access) throws IOException;

    /** Writes a mapping's dirty pages to the backing store and makes them durable. */
    protected abstract void flush(MemorySegment mapping) throws IOException;

    /**
     * Takes a mapping's pages out of memory (a hint), {@code pageOffset} being where it starts in the source.
     * By default the OS pages out what this process has mapped; a file source also lets the page cache go.
     */
    protected void evict(MemorySegment mapping, long pageOffset) throws IOException {
        Platform.current().mappings().pageOut(mapping);
    }

    /**
     * Whether a page of a mapping can vanish under it — the file shrunk by whoever may write it, a tmpfs full when
     * a page is first touched — so that read-modify-write atomics must take the backend's guarded CAS
     * ({@link ViewAtomics}). True unless a source knows better.
     */
    protected boolean pagesCanVanish() {
        return true;
    }

    /** Called once, when the last holder lets go, after the {@link #whenLastHolderCloses} actions. */
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

    /** Registers {@code action} to run when the last holder lets go (e.g. giving up a map's name). */
    public final void whenLastHolderCloses(AutoCloseable action) {
        atLastClose.add(action);
    }

    /**
     * Removes a holder; after the last one, runs the at-last-close actions and releases the source. Holders
     * let go when the user closes them, not when their memory is unmapped: a mapping keeps its own reference to
     * the file in the kernel, so the descriptor, the channel and the name can all go at once.
     */
    final void letGo() throws IOException {
        int left = holders.decrementAndGet();
        if (left > 0) {
            return;
        }
        if (left < 0) {
            throw new AssertionError("holder count below zero for " + describe());
        }
        IOException failure = null;
        for (AutoCloseable action : atLastClose) {
            try {
                action.close();
            } catch (Exception e) {
                failure = addFailure(failure, e instanceof IOException io ? io : new IOException("closing " + describe(), e));
            }
        }
        try {
            release();
        } catch (IOException e) {
            failure = addFailure(failure, e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException addFailure(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** The number of holders: the map object, while open, and each open view. */
    public final int holders() {
        return holders.get();
    }
}
