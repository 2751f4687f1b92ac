package io.mmf4j.internal.sync;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * What the three public sync handles ({@code NamedMutex}, {@code NamedSemaphore}, {@code NamedEvent}) share:
 * their block, whether the handle is closed, and the checks each call makes before it touches the object.
 *
 * {@snippet :
 * SyncHandle handle = new SyncHandle(block, SyncNamespace.Kind.EVENT);
 * long nanos = handle.beginTimedWait(timeout, unit); // null unit, closed handle, pending interrupt: thrown
 * ...
 * if (handle.markClosed()) { core.close(); block.release(); } // the first close only
 * }
 *
 * <p>Thread-safe. Lifecycle: open until {@link #markClosed()}, which answers {@code true} exactly once; after
 * it, {@link #check()} throws {@code IllegalStateException}.
 */
public final class SyncHandle {
    private final SyncBlock block;
    private final SyncNamespace.Kind kind;
    private volatile boolean closed;

    public SyncHandle(SyncBlock block, SyncNamespace.Kind kind) {
        this.block = block;
        this.kind = kind;
    }

    public SyncBlock block() {
        return block;
    }

    public String name() {
        return block.name();
    }

    /** @throws IllegalStateException once the handle is closed */
    public void check() {
        if (closed) {
            throw new IllegalStateException(kind.label + " \"" + block.name() + "\" is closed");
        }
    }

    /** Before an untimed interruptible wait: the handle is open and the thread not interrupted. */
    public void beginWait() throws InterruptedException {
        check();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }

    /**
     * Before a timed interruptible wait: {@code unit} is not null, the handle is open and the thread not
     * interrupted; returns the timeout in nanoseconds, a negative one taken as 0 (do not wait).
     */
    public long beginTimedWait(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        beginWait();
        return Math.max(0, unit.toNanos(timeout));
    }

    /** Marks the handle closed; {@code true} for the first call only, which must then let go of the object. */
    public boolean markClosed() {
        synchronized (this) {
            if (closed) {
                return false;
            }
            closed = true;
            return true;
        }
    }

    /** {@code type[name]}, or {@code type[name, closed]}. */
    public String describe(String type) {
        return type + "[" + block.name() + (closed ? ", closed]" : "]");
    }
}
