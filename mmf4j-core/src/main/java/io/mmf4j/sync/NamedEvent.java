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
     * @param name the event's name: 1 to 32767 characters
     * @param mode how the event resets: after one waiter passes, or only on {@link #reset()}
     * @param initiallySet whether the new event starts set
     * @throws java.nio.file.FileAlreadyExistsException if a live object of that name exists
     * @throws IllegalArgumentException if {@code name} is empty or too long
     * @return a handle to the new event
     */
    public static NamedEvent create(String name, EventResetMode mode, boolean initiallySet) throws IOException {
        return create(SharedNamespace.local(), name, mode, initiallySet);
    }

    /**
     * {@link #create(String, EventResetMode, boolean)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the event's name: 1 to 32767 characters
     * @param mode how the event resets: after one waiter passes, or only on {@link #reset()}
     * @param initiallySet whether the new event starts set
     * @return a handle to the new event
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the namespace
     *     cannot be written
     */
    public static NamedEvent create(SharedNamespace namespace, String name, EventResetMode mode, boolean initiallySet)
            throws IOException {
        Objects.requireNonNull(mode, "mode");
        return new NamedEvent(SyncNamespace.create(namespace, SyncNamespace.Kind.EVENT, name,
                block -> EventCore.initialise(block, mode == EventResetMode.MANUAL_RESET, initiallySet)));
    }

    /**
     * Opens the event {@code name}, or creates it with this mode and state (an existing one keeps its own).
     *
     * @param name the event's name: 1 to 32767 characters
     * @param mode the reset mode if it is created
     * @param initiallySet whether it starts set if it is created
     * @return a handle to the event, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedEvent createOrOpen(String name, EventResetMode mode, boolean initiallySet) throws IOException {
        return createOrOpen(SharedNamespace.local(), name, mode, initiallySet);
    }

    /**
     * {@link #createOrOpen(String, EventResetMode, boolean)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the event's name: 1 to 32767 characters
     * @param mode the reset mode if it is created
     * @param initiallySet whether it starts set if it is created
     * @return a handle to the event, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedEvent createOrOpen(SharedNamespace namespace, String name, EventResetMode mode,
                                          boolean initiallySet) throws IOException {
        Objects.requireNonNull(mode, "mode");
        return new NamedEvent(SyncNamespace.createOrOpen(namespace, SyncNamespace.Kind.EVENT, name,
                block -> EventCore.initialise(block, mode == EventResetMode.MANUAL_RESET, initiallySet)).block());
    }

    /**
     * Opens the existing event {@code name}.
     *
     * @param name the name of a live event
     * @throws java.nio.file.NoSuchFileException if no live object has that name
     * @throws java.nio.file.FileSystemException if the object of that name is not an event
     * @return a handle to the event
     */
    public static NamedEvent openExisting(String name) throws IOException {
        return openExisting(SharedNamespace.local(), name);
    }

    /**
     * {@link #openExisting(String)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the name of a live event
     * @return a handle to the event
     * @throws IOException no live object has that name, it is not an event, or this user may not open it
     */
    public static NamedEvent openExisting(SharedNamespace namespace, String name) throws IOException {
        return new NamedEvent(SyncNamespace.openExisting(namespace, SyncNamespace.Kind.EVENT, name));
    }

    /**
     * The name this event was created or opened with.
     *
     * @return the name
     */
    public String name() {
        return handle.name();
    }

    /**
     * The event's reset mode, fixed at its creation (an opened event has its creator's).
     *
     * @return AUTO_RESET or MANUAL_RESET
     */
    public EventResetMode mode() {
        handle.check();
        return core.manualReset() ? EventResetMode.MANUAL_RESET : EventResetMode.AUTO_RESET;
    }

    /**
     * Sets the event; returns {@code false} if it was set already.
     *
     * @return {@code true} when this call set it
     */
    public boolean set() {
        handle.check();
        return core.set();
    }

    /**
     * Resets the event; returns {@code false} if it was not set.
     *
     * @return {@code true} when this call reset it
     */
    public boolean reset() {
        handle.check();
        return core.reset();
    }

    /**
     * Whether the event is set now (a snapshot).
     *
     * @return {@code true} when the event is set at the moment of the read
     */
    public boolean isSet() {
        handle.check();
        return core.isSet();
    }

    /**
     * Waits until the event lets this thread through.
     *
     * @throws InterruptedException the thread was interrupted while it waited (noticed within 100 ms)
     */
    public void await() throws InterruptedException {
        handle.beginWait();
        core.await(-1, true);
    }

    /**
     * Waits at most {@code timeout} for the event to let this thread through; {@code false} on timeout.
     *
     * @param timeout the longest wait, in {@code unit}s; 0 or less only looks
     * @param unit the unit of {@code timeout}
     * @return {@code true} when the event let this thread through, {@code false} on timeout
     * @throws InterruptedException the thread was interrupted while it waited
     */
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
