package io.mmf4j.sync;

import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.sync.MutexCore;
import io.mmf4j.internal.sync.SyncBlock;
import io.mmf4j.internal.sync.SyncHandle;
import io.mmf4j.internal.sync.SyncNamespace;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * A mutex that threads of any process open by name: Win32's named {@code Mutex}, as a
 * {@link java.util.concurrent.locks.Lock}.
 *
 * {@snippet :
 * try (NamedMutex mutex = NamedMutex.createOrOpen("testmapmutex")) {
 *     mutex.lock();
 *     try {
 *         view.putBoolean(0, true);   // data shared with other processes
 *     } finally {
 *         mutex.unlock();
 *     }
 * }
 * }
 *
 * <p><b>Ownership.</b> The owner is the Java thread that locked it (a virtual thread keeps it while it moves
 * between carriers). It is re-entrant: the owner may lock again and must unlock as many times.
 * {@link #unlock()} by a thread that does not hold it throws {@code IllegalMonitorStateException}.
 *
 * <p><b>Abandonment.</b> If the owner's process dies (even by {@code kill -9}) or its thread ends while holding
 * the mutex, the next thread to acquire it gets it <em>and</em> an {@link AbandonedMutexException}. A dead
 * process is noticed by its waiters within about 100 ms; an ended thread by its own process within about 50 ms.
 *
 * <p><b>Waiting.</b> Uncontended lock and unlock are a CAS each in user space; a waiter sleeps in the kernel
 * (a futex) and wakes when the mutex is unlocked. Interrupts are noticed within 100 ms by
 * {@link #lockInterruptibly()} and the timed {@link #tryLock(long, TimeUnit)}.
 *
 * <p><b>Lifecycle.</b> Closing this handle does not unlock it; any further use of the handle throws
 * {@code IllegalStateException}, and so does a wait through it that the close interrupts. The name lives while
 * any process holds a handle. Thread-safe.
 */
public final class NamedMutex implements Lock, AutoCloseable {
    private final SyncHandle handle;
    private final MutexCore core;

    NamedMutex(SyncBlock block) {
        this.handle = new SyncHandle(block, SyncNamespace.Kind.MUTEX);
        this.core = new MutexCore(block.segment());
        SyncNamespace.mutexOpened(core);
    }

    /**
     * Creates the mutex {@code name} in this user's {@link SharedNamespace#local() local namespace}; if
     * {@code initiallyOwned}, the calling thread holds it on return.
     *
     * @param name the mutex's name: 1 to 32767 characters
     * @param initiallyOwned whether the calling thread holds the new mutex on return
     * @throws java.nio.file.FileAlreadyExistsException if a live object of that name exists
     * @throws IllegalArgumentException if {@code name} is empty or too long
     * @return a handle to the new mutex
     */
    public static NamedMutex create(String name, boolean initiallyOwned) throws IOException {
        return create(SharedNamespace.local(), name, initiallyOwned);
    }

    /**
     * {@link #create(String, boolean)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the mutex's name: 1 to 32767 characters
     * @param initiallyOwned whether the calling thread holds the new mutex on return
     * @return a handle to the new mutex
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the namespace
     *     cannot be written
     */
    public static NamedMutex create(SharedNamespace namespace, String name, boolean initiallyOwned)
            throws IOException {
        NamedMutex mutex = new NamedMutex(SyncNamespace.create(namespace, SyncNamespace.Kind.MUTEX, name, block -> { }));
        if (initiallyOwned) {
            mutex.lock();
        }
        return mutex;
    }

    /**
     * Opens the mutex {@code name}, creating it (unowned) if no such object lives.
     *
     * @param name the mutex's name: 1 to 32767 characters
     * @return a handle to the mutex, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedMutex createOrOpen(String name) throws IOException {
        return createOrOpen(SharedNamespace.local(), name);
    }

    /**
     * {@link #createOrOpen(String)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the mutex's name: 1 to 32767 characters
     * @return a handle to the mutex, opened or new
     * @throws IOException the name belongs to another kind of object, or this user may not open it
     */
    public static NamedMutex createOrOpen(SharedNamespace namespace, String name) throws IOException {
        return new NamedMutex(SyncNamespace.createOrOpen(namespace, SyncNamespace.Kind.MUTEX, name, block -> { }).block());
    }

    /**
     * Opens the existing mutex {@code name}.
     *
     * @param name the name of a live mutex
     * @throws java.nio.file.NoSuchFileException if no live object has that name
     * @throws java.nio.file.FileSystemException if the object of that name is not a mutex
     * @return a handle to the mutex
     */
    public static NamedMutex openExisting(String name) throws IOException {
        return openExisting(SharedNamespace.local(), name);
    }

    /**
     * {@link #openExisting(String)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the name of a live mutex
     * @return a handle to the mutex
     * @throws IOException no live object has that name, it is not a mutex, or this user may not open it
     */
    public static NamedMutex openExisting(SharedNamespace namespace, String name) throws IOException {
        return new NamedMutex(SyncNamespace.openExisting(namespace, SyncNamespace.Kind.MUTEX, name));
    }

    /**
     * The name this mutex was created or opened with.
     *
     * @return the name
     */
    public String name() {
        return handle.name();
    }

    /**
     * Acquires the mutex, waiting as long as it takes.
     *
     * @throws AbandonedMutexException (holding the mutex) when its previous owner died holding it
     */
    @Override
    public void lock() {
        handle.check();
        try {
            outcome(core.acquire(-1, false));
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        handle.beginWait();
        outcome(core.acquire(-1, true));
    }

    /** Acquires the mutex if it is free (or its owner died: then with an {@link AbandonedMutexException}). */
    @Override
    public boolean tryLock() {
        handle.check();
        try {
            return outcome(core.acquire(0, false));
        } catch (InterruptedException e) {
            throw new AssertionError("a zero wait was interrupted", e);
        }
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) throws InterruptedException {
        return outcome(core.acquire(handle.beginTimedWait(time, unit), true));
    }

    /**
     * Releases one hold of the calling thread.
     *
     * @throws IllegalMonitorStateException if the calling thread does not hold the mutex
     */
    @Override
    public void unlock() {
        handle.check();
        core.release();
    }

    /** Conditions are not supported across processes. */
    @Override
    public Condition newCondition() {
        throw new UnsupportedOperationException("NamedMutex has no conditions: use a NamedEvent");
    }

    /**
     * Whether the calling thread holds the mutex.
     *
     * @return {@code true} when the calling thread owns the mutex
     */
    public boolean isHeldByCurrentThread() {
        handle.check();
        return core.heldByCurrentThread();
    }

    /**
     * How many times the calling thread holds the mutex (0 if it does not).
     *
     * @return the calling thread's hold count
     */
    public int holdCount() {
        handle.check();
        return core.holdCount();
    }

    /** Closes this handle (without unlocking). Idempotent. */
    @Override
    public void close() {
        if (handle.markClosed()) {
            core.close();
            SyncNamespace.mutexClosed(core, handle.block());
        }
    }

    private boolean outcome(int result) {
        if (result == MutexCore.ACQUIRED_ABANDONED) {
            throw new AbandonedMutexException(handle.name());
        }
        return result == MutexCore.ACQUIRED;
    }

    @Override
    public String toString() {
        return handle.describe("NamedMutex");
    }
}
