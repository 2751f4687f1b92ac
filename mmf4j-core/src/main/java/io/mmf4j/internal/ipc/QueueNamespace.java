package io.mmf4j.internal.ipc;

import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileSystemException;

/**
 * Message queues in the shared namespace layer ({@link Namespace}), as named maps and sync objects are: one
 * named object of kind {@link NamedObjectKind#QUEUE} per queue, whose payload is a {@link QueueDescriptor} block.
 * The layer gives the name rules, rights, atomic creation and reclamation at the last holder (or its death).
 *
 * <p>The block is mapped into an automatic arena: a call running in another thread when the handle closes keeps
 * the memory mapped until it returns, so it can never fault, and never leaves a slot claimed. Stateless.
 */
final class QueueNamespace {
    /** The header's CAPACITY of a queue is its MAX_MESSAGES; its ACCESS code is unused. */
    private static final int ACCESS_CODE = 0;

    /** An opened queue: its handle and its block, checked. */
    record Opened(SharedHandle handle, MemorySegment block, int maxMessages, int maxMessageSize) {}

    private QueueNamespace() {}

    static void checkSizes(int maxMessages, int maxMessageSize) {
        if (maxMessages < 1 || maxMessages > QueueDescriptor.MAX_SLOTS) {
            throw new IllegalArgumentException("maxMessages must be in [1, " + QueueDescriptor.MAX_SLOTS + "]: "
                    + maxMessages);
        }
        if (maxMessageSize < 0 || maxMessageSize > QueueDescriptor.MAX_SIZE) {
            throw new IllegalArgumentException("maxMessageSize must be in [0, " + QueueDescriptor.MAX_SIZE + "]: "
                    + maxMessageSize);
        }
    }

    static Opened create(SharedNamespace namespace, String name, int maxMessages, int maxMessageSize)
            throws IOException {
        checkSizes(maxMessages, maxMessageSize);
        return map(namespace(namespace).create(NamedObjectKind.QUEUE, name, maxMessages,
                QueueDescriptor.payloadSize(maxMessages, maxMessageSize), ACCESS_CODE, true,
                block -> initialise(block, maxMessages, maxMessageSize)));
    }

    static Opened createOrOpen(SharedNamespace namespace, String name, int maxMessages, int maxMessageSize)
            throws IOException {
        checkSizes(maxMessages, maxMessageSize);
        return map(namespace(namespace).createOrOpen(NamedObjectKind.QUEUE, name, maxMessages,
                QueueDescriptor.payloadSize(maxMessages, maxMessageSize), ACCESS_CODE, true,
                block -> initialise(block, maxMessages, maxMessageSize), true));
    }

    static Opened open(SharedNamespace namespace, String name) throws IOException {
        return map(namespace(namespace).open(NamedObjectKind.QUEUE, name, true));
    }

    private static Namespace namespace(SharedNamespace namespace) {
        return (Namespace) Checks.notNull(namespace, "namespace"); // sealed: Namespace is the only one
    }

    /** Writes a new queue's configuration, then MAGIC; the rest of a zeroed block is an empty ring. */
    private static void initialise(MemorySegment block, int maxMessages, int maxMessageSize) {
        block.set(ValueLayout.JAVA_INT, QueueDescriptor.MAX_MESSAGES_OFFSET, maxMessages);
        block.set(ValueLayout.JAVA_INT, QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET, maxMessageSize);
        block.set(ValueLayout.JAVA_INT, QueueDescriptor.SLOT_SIZE_OFFSET,
                (int) QueueDescriptor.slotSize(maxMessageSize));
        block.set(ValueLayout.JAVA_INT, QueueDescriptor.MAGIC_OFFSET, QueueDescriptor.MAGIC);
    }

    /** Maps and checks the handle's block; on any failure lets go of the handle. */
    private static Opened map(SharedHandle handle) throws IOException {
        try {
            long payload = handle.payloadSize();
            if (payload < QueueDescriptor.RING_OFFSET) {
                throw damaged(handle, "a block of " + payload + " bytes");
            }
            MemorySegment header = handle.mapPayload(0, QueueDescriptor.RING_OFFSET, MapAccess.READ_WRITE,
                    Arena.ofAuto());
            int magic = header.get(ValueLayout.JAVA_INT, QueueDescriptor.MAGIC_OFFSET);
            int maxMessages = header.get(ValueLayout.JAVA_INT, QueueDescriptor.MAX_MESSAGES_OFFSET);
            int maxMessageSize = header.get(ValueLayout.JAVA_INT, QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET);
            int slotSize = header.get(ValueLayout.JAVA_INT, QueueDescriptor.SLOT_SIZE_OFFSET);
            if (magic != QueueDescriptor.MAGIC) {
                throw damaged(handle, "magic 0x" + Integer.toHexString(magic));
            }
            if (maxMessages < 1 || maxMessages > QueueDescriptor.MAX_SLOTS || maxMessageSize < 0
                    || maxMessageSize > QueueDescriptor.MAX_SIZE || slotSize != QueueDescriptor.slotSize(maxMessageSize)
                    || QueueDescriptor.payloadSize(maxMessages, maxMessageSize) > payload) {
                throw damaged(handle, "maxMessages " + maxMessages + ", maxMessageSize " + maxMessageSize
                        + ", slot size " + slotSize + " in a block of " + payload + " bytes");
            }
            MemorySegment block = handle.mapPayload(0, QueueDescriptor.payloadSize(maxMessages, maxMessageSize),
                    MapAccess.READ_WRITE, Arena.ofAuto());
            return new Opened(handle, block, maxMessages, maxMessageSize);
        } catch (IOException | RuntimeException | Error e) {
            try {
                handle.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static FileSystemException damaged(SharedHandle handle, String what) {
        return new FileSystemException(handle.name(), null, "message queue is damaged or not a queue (" + what + ")");
    }
}
