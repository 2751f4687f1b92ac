package io.mmf4j.bench.views;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The one shared file of the cross-process ping-pong, in /dev/shm, used by both contestants in turn.
 *
 * <pre>
 *  0        64       128      192        4096                          4096 + RING               4096 + 2 RING
 *  +--------+--------+--------+----------+-----------------------------+-------------------------+
 *  | READY  |  PING  |  PONG  | (unused) | Agrona ring: parent → child | Agrona ring: child → parent |
 *  +--------+--------+--------+----------+-----------------------------+-------------------------+
 *  each a long on its own cache line      RING = 64 KiB + RingBufferDescriptor.TRAILER_LENGTH
 * </pre>
 */
final class PingPongLayout {
    static final long READY_OFFSET = 0;
    static final long PING_OFFSET = 64;
    static final long PONG_OFFSET = 128;
    static final int RING_CAPACITY = 64 << 10;
    static final int RING_LENGTH = RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH;
    static final int TO_CHILD_RING_OFFSET = 4096;
    static final int TO_PARENT_RING_OFFSET = TO_CHILD_RING_OFFSET + RING_LENGTH;
    static final int FILE_SIZE = TO_PARENT_RING_OFFSET + RING_LENGTH;
    static final int MESSAGE_TYPE = 1;

    private PingPongLayout() {}

    /** The whole file mapped read-write, as both Agrona sides see it (the mapping outlives the channel). */
    static UnsafeBuffer mapForAgrona(Path file) throws IOException {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, FILE_SIZE);
        }
        return new UnsafeBuffer(mapped);
    }

    /** The Agrona ring at {@code offset} ({@link #TO_CHILD_RING_OFFSET} or {@link #TO_PARENT_RING_OFFSET}). */
    static OneToOneRingBuffer ring(UnsafeBuffer all, int offset) {
        return new OneToOneRingBuffer(new UnsafeBuffer(all, offset, RING_LENGTH));
    }
}
