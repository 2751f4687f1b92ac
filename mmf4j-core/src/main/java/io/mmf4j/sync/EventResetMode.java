package io.mmf4j.sync;

/** How a {@link NamedEvent} behaves after it lets a waiter through (.NET's {@code EventResetMode}). */
public enum EventResetMode {
    /** Each {@code set()} lets exactly one waiter through, then the event is reset by that waiter. */
    AUTO_RESET,
    /** {@code set()} lets every waiter through and the event stays set until {@code reset()}. */
    MANUAL_RESET
}
