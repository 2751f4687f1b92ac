package io.mmf4j.ipc;

import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.ipc.MessageQueueImpl;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * A named, bounded message queue in shared memory between threads of any number of processes: any number of
 * producers and consumers; each message reaches exactly one consumer; one producer thread's messages arrive in
 * the order sent; a message is 0 to {@link #maxMessageSize()} bytes.
 *
 * {@snippet :
 * // process A
 * try (MessageQueue jobs = MessageQueue.createOrOpen("jobs", 1024, 256)) {
 *     jobs.send("resize photo-17.jpg".getBytes(StandardCharsets.UTF_8));
 * }
 * // process B
 * try (MessageQueue jobs = MessageQueue.createOrOpen("jobs", 1024, 256)) {
 *     byte[] job = jobs.receive(); // sleeps in the kernel until a message comes
 * }
 * }
 *
 * <p><b>Names, rights, lifetime</b>: those of named maps. The queue lives while any handle in any process is
 * open; the last close (or the death of the last holder) reclaims name and memory. Default namespace:
 * {@link SharedNamespace#local()}, owner-only.
 *
 * <p><b>Waiting</b>: a {@code send} on a full queue or a {@code receive} on an empty one spins a few
 * microseconds, then sleeps in the kernel (futex) until the counterpart wakes it; an idle waiter costs no CPU.
 * Timeouts and interrupts behave as in {@code java.util.concurrent} (a pending interrupt throws at once; one
 * arriving during a wait is noticed within 100 ms); virtual threads wait without pinning their carrier.
 *
 * <p><b>Crash safety</b>: a producer killed while writing a message never makes a consumer see part of it, and
 * does not block the queue: its slot is detected (owner process gone) and skipped within about 0.2 s, and
 * counted in {@link #lostMessages()}. A consumer killed while receiving loses that one message (it is never
 * delivered twice); its slot is freed the same way.
 *
 * <p>Thread-safe. {@link #close()} is idempotent; any other call after it throws {@code IllegalStateException},
 * as does a wait through this handle that the close ends.
 */
public sealed interface MessageQueue extends AutoCloseable permits MessageQueueImpl {

    /**
     * Creates the queue {@code name} in the local namespace, holding up to {@code maxMessages} messages of up to
     * {@code maxMessageSize} bytes each.
     *
     * @param name the queue's name: 1 to 32767 characters
     * @param maxMessages the most messages the queue holds, 1 to 2^30
     * @param maxMessageSize the most bytes of one message, 0 to 2^30
     * @throws IllegalArgumentException unless {@code 1 <= maxMessages <= 2^30} and
     *         {@code 0 <= maxMessageSize <= 2^30}, or if the name is empty
     * @throws java.nio.file.FileAlreadyExistsException if a live object of that name exists
     * @throws IOException if the shared memory cannot be had
     * @return a handle to the new, empty queue
     */
    static MessageQueue createNew(String name, int maxMessages, int maxMessageSize) throws IOException {
        return createNew(SharedNamespace.local(), name, maxMessages, maxMessageSize);
    }

    /**
     * {@link #createNew(String, int, int)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the queue's name: 1 to 32767 characters
     * @param maxMessages the most messages the queue holds, 1 to 2^30
     * @param maxMessageSize the most bytes of one message, 0 to 2^30
     * @return a handle to the new, empty queue
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the shared memory
     *     cannot be had
     */
    static MessageQueue createNew(SharedNamespace namespace, String name, int maxMessages, int maxMessageSize)
            throws IOException {
        return MessageQueueImpl.createNew(namespace, name, maxMessages, maxMessageSize);
    }

    /**
     * Opens the live queue {@code name}, or creates it with these sizes (a live one keeps its own sizes).
     *
     * @param name the queue's name: 1 to 32767 characters
     * @param maxMessages the queue's capacity if it is created, 1 to 2^30
     * @param maxMessageSize the largest message if it is created, 0 to 2^30
     * @return a handle to the queue, opened or new
     * @throws IOException the name belongs to another kind of object, this user may not open it, or the shared memory
     *     cannot be had
     */
    static MessageQueue createOrOpen(String name, int maxMessages, int maxMessageSize) throws IOException {
        return createOrOpen(SharedNamespace.local(), name, maxMessages, maxMessageSize);
    }

    /**
     * {@link #createOrOpen(String, int, int)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the queue's name: 1 to 32767 characters
     * @param maxMessages the queue's capacity if it is created, 1 to 2^30
     * @param maxMessageSize the largest message if it is created, 0 to 2^30
     * @return a handle to the queue, opened or new
     * @throws IOException the name belongs to another kind of object, this user may not open it, or the shared memory
     *     cannot be had
     */
    static MessageQueue createOrOpen(SharedNamespace namespace, String name, int maxMessages, int maxMessageSize)
            throws IOException {
        return MessageQueueImpl.createOrOpen(namespace, name, maxMessages, maxMessageSize);
    }

    /**
     * Opens the live queue {@code name}, with the sizes its creator gave it.
     *
     * @param name the name of a live queue
     * @throws java.nio.file.NoSuchFileException if no live object has that name
     * @throws java.nio.file.FileSystemException if the object of that name is not a queue
     * @throws java.nio.file.AccessDeniedException if this user may not read and write it
     * @return a handle to the queue
     */
    static MessageQueue openExisting(String name) throws IOException {
        return openExisting(SharedNamespace.local(), name);
    }

    /**
     * {@link #openExisting(String)} in {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the name of a live queue
     * @return a handle to the queue
     * @throws IOException no live object has that name, it is not a queue, or this user may not open it
     */
    static MessageQueue openExisting(SharedNamespace namespace, String name) throws IOException {
        return MessageQueueImpl.openExisting(namespace, name);
    }

    /**
     * The name this queue was created or opened with.
     *
     * @return the name
     */
    String name();

    /**
     * The most messages the queue holds at once, fixed by its creator.
     *
     * @return the capacity in messages
     */
    int maxMessages();

    /**
     * The most bytes one message may have, fixed by its creator.
     *
     * @return the largest message size in bytes
     */
    int maxMessageSize();

    /**
     * The messages waiting now (a snapshot: other processes change it at any time).
     *
     * @return the number of messages sent and not yet received
     */
    int size();

    /**
     * Messages lost to a party's death since the queue was created: sends of producers killed half-way (never
     * delivered), receives of consumers killed half-way, and messages dropped because shared memory was damaged.
     *
     * @return the count of lost messages, never decreasing
     */
    long lostMessages();

    /**
     * Sends {@code message} if there is room now; {@code false} when the queue is full.
     *
     * @param message the message's bytes, at most {@link #maxMessageSize()}; copied into the queue
     * @return {@code true} when the message was sent
     */
    boolean trySend(MemorySegment message);

    /**
     * {@link #trySend(MemorySegment)} of an array.
     *
     * @param message the message, at most {@link #maxMessageSize()} bytes; copied into the queue
     * @return {@code true} when the message was sent
     */
    boolean trySend(byte[] message);

    /**
     * Sends {@code message}, waiting while the queue is full.
     *
     * @param message the message's bytes, at most {@link #maxMessageSize()}; copied into the queue
     * @throws InterruptedException the thread was interrupted while it waited; the message was not sent
     */
    void send(MemorySegment message) throws InterruptedException;

    /**
     * {@link #send(MemorySegment)} of an array.
     *
     * @param message the message, at most {@link #maxMessageSize()} bytes; copied into the queue
     * @throws InterruptedException the thread was interrupted while it waited; the message was not sent
     */
    void send(byte[] message) throws InterruptedException;

    /**
     * Sends {@code message}, waiting at most {@code timeout} while full; {@code false} if it timed out.
     *
     * @param message the message's bytes, at most {@link #maxMessageSize()}; copied into the queue
     * @param timeout the longest wait, in {@code unit}s; 0 or less does not wait
     * @param unit the unit of {@code timeout}
     * @return {@code true} when the message was sent
     * @throws InterruptedException the thread was interrupted while it waited; the message was not sent
     */
    boolean send(MemorySegment message, long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * {@link #send(MemorySegment, long, TimeUnit)} of an array.
     *
     * @param message the message, at most {@link #maxMessageSize()} bytes; copied into the queue
     * @param timeout the longest wait, in {@code unit}s; 0 or less does not wait
     * @param unit the unit of {@code timeout}
     * @return {@code true} when the message was sent
     * @throws InterruptedException the thread was interrupted while it waited; the message was not sent
     */
    boolean send(byte[] message, long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * The oldest message, or {@code null} when the queue is empty.
     *
     * @return a new array with the message's bytes, or {@code null}
     */
    byte[] tryReceive();

    /**
     * The oldest message, waiting while the queue is empty.
     *
     * @return a new array with the message's bytes
     * @throws InterruptedException the thread was interrupted while it waited; no message was taken
     */
    byte[] receive() throws InterruptedException;

    /**
     * The oldest message, waiting at most {@code timeout}; {@code null} if none came in time.
     *
     * @param timeout the longest wait, in {@code unit}s; 0 or less does not wait
     * @param unit the unit of {@code timeout}
     * @return a new array with the message's bytes, or {@code null} on timeout
     * @throws InterruptedException the thread was interrupted while it waited; no message was taken
     */
    byte[] receive(long timeout, TimeUnit unit) throws InterruptedException;

    /**
     * Zero-copy receive: hands up to {@code limit} waiting messages, oldest first, to {@code handler}, each as a
     * read-only segment valid only during its call; returns how many. Never waits: 0 when the queue is empty.
     * The handler runs with no lock held (only its message's slot stays taken until it returns); a message whose
     * handler throws counts as received, and the exception propagates.
     *
     * @param handler called once per message, on this thread
     * @param limit the most messages to hand over, &gt; 0
     * @throws IllegalArgumentException if {@code limit <= 0}
     * @return the number of messages handed to {@code handler}
     */
    int poll(MessageHandler handler, int limit);

    /** Closes this handle; the last close anywhere reclaims the queue. Idempotent. */
    @Override
    void close();
}
