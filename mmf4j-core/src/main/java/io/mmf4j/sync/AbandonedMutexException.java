package io.mmf4j.sync;

import java.io.Serial;

/**
 * The mutex was acquired, but its previous owner ended while holding it (its process was killed, or its thread
 * finished without unlocking): the data the mutex protects may be half-updated. Win32's {@code WAIT_ABANDONED}
 * and .NET's exception of the same name.
 *
 * <p><b>The thread that receives this exception holds the mutex</b> (with a hold count of 1) and must
 * {@link NamedMutex#unlock() unlock} it, typically after checking or repairing the shared data:
 * {@snippet :
 * try {
 *     mutex.lock();
 * } catch (AbandonedMutexException e) {
 *     repair(sharedData);            // we own the mutex here
 * }
 * try {
 *     update(sharedData);
 * } finally {
 *     mutex.unlock();
 * }
 * }
 * Only the first acquirer after the death is told; from then on the mutex works normally.
 */
public final class AbandonedMutexException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The name of the abandoned mutex. */
    private final String mutexName;

    /**
     * An exception for the abandoned mutex {@code mutexName}; its message says the caller now holds it.
     *
     * @param mutexName the name of the mutex whose owner ended holding it
     */
    public AbandonedMutexException(String mutexName) {
        super("the previous owner of mutex \"" + mutexName + "\" ended while holding it; the data it protects may"
                + " be inconsistent. The current thread now holds the mutex.");
        this.mutexName = mutexName;
    }

    /**
     * The name of the abandoned mutex.
     *
     * @return the name the mutex was opened with
     */
    public String mutexName() {
        return mutexName;
    }
}
