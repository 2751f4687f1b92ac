package io.mmf4j.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.ipc.QueueDescriptor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileSystemException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Shared memory is untrusted: a damaged header refuses the open, a damaged ring never crashes or corrupts. */
class DamagedQueueTest extends QueueTestBase {

    @Test
    void aDamagedHeaderRefusesTheOpen() throws Exception {
        long[][] damages = {
                {QueueDescriptor.MAGIC_OFFSET, 0x12345678},
                {QueueDescriptor.MAX_MESSAGES_OFFSET, Integer.MAX_VALUE},
                {QueueDescriptor.MAX_MESSAGES_OFFSET, 0},
                {QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET, -1},
                {QueueDescriptor.MAX_MESSAGE_SIZE_OFFSET, 1 << 20},
                {QueueDescriptor.SLOT_SIZE_OFFSET, 7}};
        for (long[] damage : damages) {
            try (MessageQueue q = MessageQueue.createNew(ns, "q", 8, 32);
                 Arena arena = Arena.ofConfined()) {
                QueueFiles.block(dir, "q", arena).set(ValueLayout.JAVA_INT, damage[0], (int) damage[1]);
                FileSystemException e = assertThrows(FileSystemException.class, () -> MessageQueue.openExisting(ns, "q"));
                assertTrue(e.getMessage().contains("damaged"), e.getMessage());
                assertTrue(q.trySend(new byte[3]), "the handle opened before goes on: it read its sizes once");
            }
        }
        assertTrue(ns.list().isEmpty());
    }

    @Test
    void aDamagedLengthDropsThatMessageOnly() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "q", 8, 32);
             Arena arena = Arena.ofConfined()) {
            q.send(new byte[] {1});
            q.send(new byte[] {2});
            MemorySegment block = QueueFiles.block(dir, "q", arena);
            block.set(ValueLayout.JAVA_INT, QueueDescriptor.RING_OFFSET + QueueDescriptor.SLOT_LENGTH_OFFSET, 1 << 30);
            assertArrayEquals(new byte[] {2}, q.tryReceive());
            assertEquals(1, q.lostMessages());
            q.send(new byte[] {3});
            block.set(ValueLayout.JAVA_INT, QueueDescriptor.RING_OFFSET + 2 * QueueDescriptor.slotSize(32)
                    + QueueDescriptor.SLOT_LENGTH_OFFSET, -5);
            assertEquals(0, q.poll(m -> { throw new AssertionError("dropped"); }, 10));
            assertEquals(2, q.lostMessages());
        }
    }

    @Test
    void randomBytesInTheRingAndHintsNeverCrashOrHang() throws Exception {
        Random random = new Random(14);
        for (int trial = 0; trial < 30; trial++) {
            try (MessageQueue q = MessageQueue.createNew(ns, "q", 1 + random.nextInt(9), 16);
                 Arena arena = Arena.ofConfined()) {
                MemorySegment block = QueueFiles.block(dir, "q", arena);
                long from = QueueDescriptor.TAIL_OFFSET;
                for (long at = from; at + 8 <= block.byteSize(); at += 8) {
                    if (random.nextInt(3) == 0) {
                        block.set(ValueLayout.JAVA_LONG, at, trial % 2 == 0 ? random.nextLong() : random.nextInt(64));
                    }
                }
                for (int op = 0; op < 50; op++) {
                    try {
                        switch (op % 3) {
                            case 0 -> q.trySend(new byte[random.nextInt(17)]);
                            case 1 -> {
                                byte[] m = q.tryReceive();
                                assertTrue(m == null || m.length <= 16);
                            }
                            default -> q.poll(m -> assertTrue(m.byteSize() <= 16), 3);
                        }
                    } catch (IndexOutOfBoundsException garbagePosition) {
                        // a hint far outside the ring: refused by the bounds checks, the JVM goes on
                    }
                }
            }
        }
    }
}
