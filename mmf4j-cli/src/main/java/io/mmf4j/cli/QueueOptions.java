package io.mmf4j.cli;

import io.mmf4j.NamedObjectInfo;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.ipc.MessageQueue;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * What {@code mmf send} and {@code mmf receive} share: the sizes of a queue they create when none is live (a picocli
 * mixin), and how {@code mmf ls} describes a queue's depth. Stateless apart from the parsed options.
 */
final class QueueOptions {
    @Option(names = "--max-messages", paramLabel = "N", defaultValue = "1024",
            description = "Slots of the queue if this command creates it (default: ${DEFAULT-VALUE}).")
    int maxMessages;

    @Option(names = "--max-message-size", paramLabel = "BYTES", defaultValue = "4096",
            description = "Largest message of the queue if this command creates it (default: ${DEFAULT-VALUE}).")
    int maxMessageSize;

    /** Opens the live queue {@code name}, or creates it with these sizes. */
    MessageQueue open(SharedNamespace namespace, String name) throws IOException {
        return MessageQueue.createOrOpen(namespace, name, maxMessages, maxMessageSize);
    }

    /** The messages waiting in a listed queue now, or -1 if it went away since the listing. */
    static int depth(SharedNamespace namespace, NamedObjectInfo info) {
        if (info.kind() != NamedObjectKind.QUEUE) {
            return -1;
        }
        try (MessageQueue queue = MessageQueue.openExisting(namespace, info.name())) {
            return queue.size();
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /** The CAPACITY cell of {@code mmf ls} for a queue: {@code depth/capacity msgs}. */
    static String capacityCell(SharedNamespace namespace, NamedObjectInfo info) {
        int depth = depth(namespace, info);
        return String.format(Locale.ROOT, "%s/%d msgs", depth < 0 ? "?" : Integer.toString(depth), info.capacity());
    }
}
