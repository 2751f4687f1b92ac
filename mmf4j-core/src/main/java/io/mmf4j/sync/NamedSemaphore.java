package io.mmf4j.sync;

import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.sync.SemaphoreCore;
import io.mmf4j.internal.sync.SyncBlock;
import io.mmf4j.internal.sync.SyncHandle;
import io.mmf4j.internal.sync.SyncNamespace;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A counting semaphore that threads of any process open by name: Win32's named {@code Semaphore}.
 *
 * {@snippet :
 * try (NamedSemaphore slots = NamedSemaphore.createOrOpen("print-slots", 3, 3)) {
 *     if (slots.tryAcquire(1, TimeUnit.SECONDS)) {
 *         try {
 *             print();
 *         } finally {
 *             slots.release();
 *         }
 *     }
 * }
 * }
 *
 * <p>Permits have no owner: any thread of any process may release them, and a process that dies holding
 * permits does not give them back (as on Windows). The count never exceeds the maximum:
 * {@link #release(int)} past it throws {@link SemaphoreFullException} and changes nothing.
 *
 * <p>Acquiring a free permit is one CAS; a waiter sleeps in the kernel until a release. Interrupts are noticed
 * within 100 ms. Closing the handle is idempotent; other use after close throws
 * {@code IllegalStateException}, as does a wait through this handle that the close ends.
 * Thread-safe.
 */
public final class NamedSemaphore implements AutoCloseable {
    private final SyncHandle handle;
    private final SemaphoreCore core;

    NamedSemaphore(SyncBlock block) {
        this.handle = new SyncHandle(block, SyncNamespace.Kind.SEMAPHORE);
        this.core = new SemaphoreCore(block.segment());
    }

    /**
     * Creates the semaphore {@code name}, in this user's {@link SharedNamespace#local() local namespace}, with
     * {@code initialCount} free permits out of {@code maximumCount}.
     *
     * @param name the semaphore's name: 1 to 32767 characters
     * @param initialCount the free permits at creation
     * @param maximumCount the most permits the semaphore ever holds, &gt;= 1
     * @throws IllegalArgumentException unless {@code 0 <= initialCount <= maximumCount} and {@code maximumCount >= 1},
     *         or if {@code name} is empty or too long
     * @throws java.nio.file.FileAlreadyExistsException if a live object of that name exists
     * @return a handle to the new semaphore
     */
    public static NamedSemaphore create(String name, int initialCount, int maximumCount) throws IOException {
        return create(SharedNamespace.local(), name, initialCount, maximumCount);
    }

    /**
     * {@link #create(String, int, int)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the semaphore's name: 1 to 32767 characters
     * @param initialCount the free permits at creation
     * @param maximumCount the most permits the semaphore ever holds, &gt;= 1
     * @return a handle to the new semaphore
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the namespace
     *     cannot be written
     */
    public static NamedSemaphore create(SharedNamespace namespace, String name, int initialCount, int maximumCount)
            throws IOException {
        checkCounts(initialCount, maximumCount);
        return new NamedSemaphore(SyncNamespace.create(namespace, SyncNamespace.Kind.SEMAPHORE, name,
                block -> SemaphoreCore.initialise(block, initialCount, maximumCount)));
    }

    /**
     * Opens the semaphore {@code name}, or creates it with these counts (an existing one keeps its own).
     *
     * @param name the semaphore's name: 1 to 32767 characters
     * @param initialCount the free permits if it is created
     * @param maximumCount the maximum count if it is created, &gt;= 1
     * @return a handle to the semaphore, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedSemaphore createOrOpen(String name, int initialCount, int maximumCount) throws IOException {
        return createOrOpen(SharedNamespace.local(), name, initialCount, maximumCount);
    }

    /**
     * {@link #createOrOpen(String, int, int)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the semaphore's name: 1 to 32767 characters
     * @param initialCount the free permits if it is created
     * @param maximumCount the maximum count if it is created, &gt;= 1
     * @return a handle to the semaphore, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedSemaphore createOrOpen(SharedNamespace namespace, String name, int initialCount,
                                              int maximumCount) throws IOException {
        checkCounts(initialCount, maximumCount);
        return new NamedSemaphore(SyncNamespace.createOrOpen(namespace, SyncNamespace.Kind.SEMAPHORE, name,
                block -> SemaphoreCore.initialise(block, initialCount, maximumCount)).block());
    }

    /**
     * Opens the existing semaphore {@code name}.
     *
     * @param name the name of a live semaphore
     * @throws java.nio.file.NoSuchFileException if no live object has that name
     * @throws java.nio.file.FileSystemException if the object of that name is not a semaphore
     * @return a handle to the semaphore
     */
    public static NamedSemaphore openExisting(String name) throws IOException {
        return openExisting(SharedNamespace.local(), name);
    }

    /**
     * {@link #openExisting(String)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the name of a live semaphore
     * @return a handle to the semaphore
     * @throws IOException no live object has that name, it is not a semaphore, or this user may not open it
     */
    public static NamedSemaphore openExisting(SharedNamespace namespace, String name) throws IOException {
        return new NamedSemaphore(SyncNamespace.openExisting(namespace, SyncNamespace.Kind.SEMAPHORE, name));
    }

    private static void checkCounts(int initialCount, int maximumCount) {
        if (maximumCount < 1) {
            throw new IllegalArgumentException("maximumCount must be at least 1: " + maximumCount);
        }
        if (initialCount < 0 || initialCount > maximumCount) {
            throw new IllegalArgumentException("initialCount must be in [0, maximumCount = " + maximumCount + "]: "
                    + initialCount);
        }
    }

    /**
     * The name this semaphore was created or opened with.
     *
     * @return the name
     */
    public String name() {
        return handle.name();
    }

    /**
     * Takes a permit, waiting as long as it takes.
     *
     * @throws InterruptedException the thread was interrupted while it waited (noticed within 100 ms); no permit is
     *     taken
     */
    public void acquire() throws InterruptedException {
        handle.beginWait();
        core.acquire(-1, true);
    }

    /**
     * Takes a permit if one is free.
     *
     * @return {@code true} when a permit was taken
     */
    public boolean tryAcquire() {
        handle.check();
        try {
            return core.acquire(0, false);
        } catch (InterruptedException e) {
            throw new AssertionError("a zero wait was interrupted", e);
        }
    }

    /**
     * Takes a permit, waiting at most {@code timeout}; {@code false} if none came free in time.
     *
     * @param timeout the longest wait, in {@code unit}s; 0 or less does not wait
     * @param unit the unit of {@code timeout}
     * @return {@code true} when a permit was taken
     * @throws InterruptedException the thread was interrupted while it waited; no permit is taken
     */
    public boolean tryAcquire(long timeout, TimeUnit unit) throws InterruptedException {
        return core.acquire(handle.beginTimedWait(timeout, unit), true);
    }

    /**
     * Gives back one permit; returns the count before.
     *
     * @return the free permits before the release
     */
    public int release() {
        return release(1);
    }

    /**
     * Gives back {@code permits} permits and wakes as many waiters; returns the count before.
     *
     * @param permits the number of permits to give back, &gt;= 1
     * @throws IllegalArgumentException if {@code permits < 1}
     * @throws SemaphoreFullException if the count would pass the maximum (nothing is released)
     * @return the free permits before the release
     */
    public int release(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1: " + permits);
        }
        handle.check();
        int before = core.release(permits);
        if (before < 0) {
            throw new SemaphoreFullException("releasing " + permits + " permits of semaphore \"" + handle.name()
                    + "\" would pass its maximum count " + core.maximum() + " (now " + core.available() + ")");
        }
        return before;
    }

    /**
     * The free permits now (a snapshot: other processes change it at any time).
     *
     * @return the free permits at the moment of the read
     */
    public int availablePermits() {
        handle.check();
        return core.available();
    }

    /**
     * The most permits the semaphore holds, fixed at its creation.
     *
     * @return the maximum count
     */
    public int maximumCount() {
        handle.check();
        return core.maximum();
    }

    /** Closes this handle; permits it took stay taken. Idempotent. */
    @Override
    public void close() {
        if (handle.markClosed()) {
            core.close();
            handle.block().release();
        }
    }

    @Override
    public String toString() {
        return handle.describe("NamedSemaphore");
    }
}
