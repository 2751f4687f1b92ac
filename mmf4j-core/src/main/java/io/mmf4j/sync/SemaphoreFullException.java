package io.mmf4j.sync;

import java.io.Serial;

/**
 * A {@link NamedSemaphore#release(int) release} would have raised the count past the semaphore's maximum; the
 * count is unchanged. .NET's exception of the same name.
 */
public final class SemaphoreFullException extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}, which names the semaphore, the permits asked to release and the counts.
     *
     * @param message what was released into which semaphore
     */
    public SemaphoreFullException(String message) {
        super(message);
    }
}
