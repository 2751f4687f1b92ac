package io.mmf4j.ipc;

import java.lang.foreign.MemorySegment;

/** Receives the messages of a zero-copy poll of a message queue, one call per message. */
@FunctionalInterface
public interface MessageHandler {
    /**
     * Handles one message.
     *
     * @param message the message's bytes: a read-only segment, valid only during this call
     */
    void onMessage(MemorySegment message);
}
