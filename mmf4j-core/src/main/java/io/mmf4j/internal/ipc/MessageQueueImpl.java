package io.mmf4j.internal.ipc;

import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.shared.NameEncoding;
import io.mmf4j.internal.shared.SharedHandle;
import io.mmf4j.ipc.MessageHandler;
import io.mmf4j.ipc.MessageQueue;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;

/**
 * The one {@link MessageQueue}: argument checks and the closed state of a handle over a {@link QueueCore}.
 * Thread-safe; close is idempotent and ends the waits through this handle.
 */
public final class MessageQueueImpl implements MessageQueue {
    /** Timeouts longer than this (about 146 years) are waits without a deadline. */
    private static final long FOREVER_NANOS = Long.MAX_VALUE / 2;
    private final SharedHandle handle;
    private final String name;
    private final QueueCore core;
    private final int maxMessages;
    private final int maxMessageSize;
    private volatile boolean closed;

    private MessageQueueImpl(QueueNamespace.Opened opened) {
        this.handle = opened.handle();
        this.name = handle.name();
        this.maxMessages = opened.maxMessages();
        this.maxMessageSize = opened.maxMessageSize();
        this.core = new QueueCore(new QueueRing(opened.block(), maxMessages, maxMessageSize));
    }

    public static MessageQueue createNew(SharedNamespace namespace, String name, int maxMessages, int maxMessageSize)
            throws IOException {
        checkName(namespace, name);
        return new MessageQueueImpl(QueueNamespace.create(namespace, name, maxMessages, maxMessageSize));
    }

    public static MessageQueue createOrOpen(SharedNamespace namespace, String name, int maxMessages,
                                            int maxMessageSize) throws IOException {
        checkName(namespace, name);
        return new MessageQueueImpl(QueueNamespace.createOrOpen(namespace, name, maxMessages, maxMessageSize));
    }

    public static MessageQueue openExisting(SharedNamespace namespace, String name) throws IOException {
        checkName(namespace, name);
        return new MessageQueueImpl(QueueNamespace.open(namespace, name));
    }

    private static void checkName(SharedNamespace namespace, String name) {
        Checks.notNull(namespace, "namespace");
        NameEncoding.check(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int maxMessages() {
        return maxMessages;
    }

    @Override
    public int maxMessageSize() {
        return maxMessageSize;
    }

    @Override
    public int size() {
        check();
        return core.ring.size();
    }

    @Override
    public long lostMessages() {
        check();
        return core.ring.lostMessages();
    }

    @Override
    public boolean trySend(MemorySegment message) {
        return core.offer(null, message, length(message));
    }

    @Override
    public boolean trySend(byte[] message) {
        return core.offer(message, null, length(message));
    }

    @Override
    public void send(MemorySegment message) throws InterruptedException {
        core.send(null, message, length(message), beginWait(-1, TimeUnit.NANOSECONDS));
    }

    @Override
    public void send(byte[] message) throws InterruptedException {
        core.send(message, null, length(message), beginWait(-1, TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean send(MemorySegment message, long timeout, TimeUnit unit) throws InterruptedException {
        int length = length(message);
        return core.send(null, message, length, beginWait(Math.max(0, timeout), unit));
    }

    @Override
    public boolean send(byte[] message, long timeout, TimeUnit unit) throws InterruptedException {
        int length = length(message);
        return core.send(message, null, length, beginWait(Math.max(0, timeout), unit));
    }

    @Override
    public byte[] tryReceive() {
        check();
        return core.take();
    }

    @Override
    public byte[] receive() throws InterruptedException {
        return core.receive(beginWait(-1, TimeUnit.NANOSECONDS));
    }

    @Override
    public byte[] receive(long timeout, TimeUnit unit) throws InterruptedException {
        return core.receive(beginWait(Math.max(0, timeout), unit));
    }

    @Override
    public int poll(MessageHandler handler, int limit) {
        Checks.notNull(handler, "handler");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        check();
        return core.poll(handler, limit);
    }

    /** Checks a message and the handle; returns the message's length. */
    private int length(MemorySegment message) {
        Checks.notNull(message, "message");
        return checkLength(message.byteSize());
    }

    private int length(byte[] message) {
        Checks.notNull(message, "message");
        return checkLength(message.length);
    }

    private int checkLength(long length) {
        if (length > maxMessageSize) {
            throw new IllegalArgumentException("message of " + length + " bytes is longer than maxMessageSize "
                    + maxMessageSize + " of queue \"" + name + "\"");
        }
        check();
        return (int) length;
    }

    /** The timeout in nanoseconds (negative: none) after the checks every wait makes first. */
    private long beginWait(long timeout, TimeUnit unit) throws InterruptedException {
        Checks.notNull(unit, "unit");
        check();
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (timeout < 0) {
            return -1;
        }
        long nanos = unit.toNanos(timeout);
        return nanos > FOREVER_NANOS ? -1 : nanos; // a deadline past ~146 years would overflow: wait for ever
    }

    private void check() {
        if (closed) {
            throw new IllegalStateException("message queue \"" + name + "\" is closed");
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        core.close();
        try {
            handle.close();
        } catch (IOException e) {
            System.getLogger("io.mmf4j.ipc").log(System.Logger.Level.WARNING, "closing message queue " + name
                    + " failed", e);
        }
    }

    @Override
    public String toString() {
        return "MessageQueue[" + name + ", " + maxMessages + " x " + maxMessageSize + " bytes"
                + (closed ? ", closed]" : "]");
    }
}
