package io.mmf4j.sync;

import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.sync.EventCore;
import io.mmf4j.internal.sync.SyncBlock;
import io.mmf4j.internal.sync.SyncHandle;
import io.mmf4j.internal.sync.SyncNamespace;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * An event that threads of any process open by name: Win32's named event ({@code EventWaitHandle} in .NET).
 *
 * {@snippet :
 * // process A
 * NamedEvent ready = NamedEvent.create("job-ready", EventResetMode.AUTO_RESET, false);
 * ready.set();                                   // lets exactly one waiter through
 * // process B
 * NamedEvent ready = NamedEvent.openExisting("job-ready");
 * if (ready.await(5, TimeUnit.SECONDS)) { ... }
 * }
 *
 * <p>{@link EventResetMode#AUTO_RESET}: each {@link #set()} lets exactly one waiter through (the event resets as
 * that waiter passes); setting an event that is already set does nothing more (it is a flag, not a counter).
 * {@link EventResetMode#MANUAL_RESET}: {@code set()} lets every waiter through and the event stays set, letting
 * later waiters through at once, until {@link #reset()}.
 *
 * <p>A waiter sleeps in the kernel and wakes promptly on {@code set()}; interrupts are noticed within 100 ms.
 * Closing is idempotent; other use after close throws
 * {@code IllegalStateException}, as does a wait through this handle that the close ends. Thread-safe.
 */
public final class NamedEvent implements AutoCloseable {
    private final SyncHandle handle;
    private final EventCore core;

    NamedEvent(SyncBlock block) {
        this.handle = new SyncHandle(block, SyncNamespace.Kind.EVENT);
        this.core = new EventCore(block.segment());
    }

    /**
     * Creates the event {@code name} in this user's {@link SharedNamespace#local() local namespace}.
     *
     * @throws java.nio.file.FileAlreadyExistsException if a live object of that name exists
     * @throws IllegalArgumentException if {@code name} is empty or too long
     */
    public static NamedEvent create(String name, EventResetMode mode, boolean initiallySet) throws IOException {
        return create(SharedNamespace.local(), name, mode, initiallySet);
    }

    /** {@link #create(String, EventResetMode, boolean)} in {@code namespace}. */
    public static NamedEvent create(SharedNamespace namespace, String name, EventResetMode mode, boolean initiallySet)
            throws IOException {
        Objects.requireNonNull(mode, "mode");
        return new NamedEvent(SyncNamespace.create(namespace, SyncNamespace.Kind.EVENT, name,
                block -> EventCore.initialise(block, mode == EventResetMode.MANUAL_RESET, initiallySet)));
    }

    /** Opens the event {@code name}, or creates it with this mode and state (an existing one keeps its own). */
    public static NamedEvent createOrOpen(String name, EventResetMode mode, boolean initiallySet) throws IOException {
        return createOrOpen(SharedNamespace.local(), name, mode, initiallySet);
    }

    /** {@link #createOrOpen(String, EventResetMode, boolean)} in {@code namespace}. */
    public static NamedEvent createOrOpen(SharedNamespace namespace, String name, EventResetMode mode,
                                          boolean initiallySet) throws IOException {
        Objects.requireNonNull(mode, "mode");
        return new NamedEvent(SyncNamespace.createOrOpen(namespace, SyncNamespace.Kind.EVENT, name,
                block -> EventCore.initialise(block, mode == EventResetMode.MANUAL_RESET, initiallySet)).block());
    }

    /**
     * Opens the existing event {@code name}.
     *
     * @throws java.nio.file.NoSuchFileException if no live object has that name
     * @throws java.nio.file.FileSystemException if the object of that name is not an event
     */
    public static NamedEvent openExisting(String name) throws IOException {
        return openExisting(SharedNamespace.local(), name);
    }

    /** {@link #openExisting(String)} in {@code namespace}. */
    public static NamedEvent openExisting(SharedNamespace namespace, String name) throws IOException {
        return new NamedEvent(SyncNamespace.openExisting(namespace, SyncNamespace.Kind.EVENT, name));
    }

    public String name() {
        return handle.name();
    }

    public EventResetMode mode() {
        handle.check();
        return core.manualReset() ? EventResetMode.MANUAL_RESET : EventResetMode.AUTO_RESET;
    }

    /** Sets the event; returns {@code false} if it was set already. */
    public boolean set() {
        handle.check();
        return core.set();
    }

    /** Resets the event; returns {@code false} if it was not set. */
    public boolean reset() {
        handle.check();
        return core.reset();
    }

    /** Whether the event is set now (a snapshot). */
    public boolean isSet() {
        handle.check();
        return core.isSet();
    }

    /** Waits until the event lets this thread through. */
    public void await() throws InterruptedException {
        handle.beginWait();
        core.await(-1, true);
    }

    /** Waits at most {@code timeout} for the event to let this thread through; {@code false} on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return core.await(handle.beginTimedWait(timeout, unit), true);
    }

    /** Closes this handle. Idempotent. */
    @Override
    public void close() {
        if (handle.markClosed()) {
            core.close();
            handle.block().release();
        }
    }

    @Override
    public String toString() {
        return handle.describe("NamedEvent");
    }
}
