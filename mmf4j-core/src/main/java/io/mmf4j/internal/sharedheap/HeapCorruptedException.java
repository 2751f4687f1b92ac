package io.mmf4j.internal.sharedheap;

/**
 * The heap memory holds something no sequence of operations and crashes could have left: a stray write by a
 * process, or a torn file after a power loss. Thrown instead of following the bad offset.
 */
final class HeapCorruptedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    HeapCorruptedException(String message) {
        super(message);
    }
}
