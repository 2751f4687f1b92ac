package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Path;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * The echoing side of {@link ViewPingPong}, in its own JVM: {@code PingPongChild accessor|unsafe|agrona FILE ROUNDS}.
 * Answers every ping with the same sequence number, {@code ROUNDS} times, then exits.
 */
public final class PingPongChild {
    private PingPongChild() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        long rounds = Long.parseLong(args[2]);
        if (args[0].equals("accessor")) {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putLongRelease(PingPongLayout.READY_OFFSET, 1);
                for (long i = 1; i <= rounds; i++) {
                    while (view.getLongAcquire(PingPongLayout.PING_OFFSET) != i) {
                        Thread.onSpinWait();
                    }
                    view.putLongRelease(PingPongLayout.PONG_OFFSET, i);
                }
            }
            return;
        }
        UnsafeBuffer all = PingPongLayout.mapForAgrona(file);
        if (args[0].equals("unsafe")) {
            int ping = (int) PingPongLayout.PING_OFFSET;
            int pong = (int) PingPongLayout.PONG_OFFSET;
            all.putLongRelease((int) PingPongLayout.READY_OFFSET, 3);
            for (long i = 1; i <= rounds; i++) {
                while (all.getLongAcquire(ping) != i) {
                    Thread.onSpinWait();
                }
                all.putLongRelease(pong, i);
            }
            return;
        }
        OneToOneRingBuffer in = PingPongLayout.ring(all, PingPongLayout.TO_CHILD_RING_OFFSET);
        OneToOneRingBuffer out = PingPongLayout.ring(all, PingPongLayout.TO_PARENT_RING_OFFSET);
        UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        long[] received = {0};
        all.putLongRelease((int) PingPongLayout.READY_OFFSET, 2);
        while (received[0] < rounds) {
            int read = in.read((type, buffer, index, length) -> received[0] = buffer.getLong(index), 1);
            if (read == 0) {
                Thread.onSpinWait();
                continue;
            }
            message.putLong(0, received[0]);
            while (!out.write(PingPongLayout.MESSAGE_TYPE, message, 0, 8)) {
                Thread.onSpinWait();
            }
        }
    }
}
