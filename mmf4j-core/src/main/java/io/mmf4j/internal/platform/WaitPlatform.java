package io.mmf4j.internal.platform;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** The wait capability: sleeping on a word of shared memory until it changes, across processes. Thread-safe. */
public interface WaitPlatform {

    /**
     * Sleeps while the 4-byte-aligned int at {@code word} (in shared memory) equals {@code expected}, at most
     * {@code timeoutNanos} (negative: no limit). Returns early, without sleeping, if the value differs.
     * Spurious returns happen: the caller re-checks its condition.
     *
     * @return {@code false} when the timeout passed, {@code true} otherwise
     */
    boolean awaitChange(MemorySegment word, int expected, long timeoutNanos) throws IOException;

    /** Wakes at most {@code count} threads, of any process, sleeping in {@link #awaitChange} on {@code word}. */
    void wake(MemorySegment word, int count) throws IOException;
}
