package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ChildJvm;
import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;

/**
 * Cross-process round trips between this JVM and a child JVM over one file in /dev/shm: through mmf4j view
 * accessors (a release store answered by a release store, each side spinning on acquire loads: the shape of
 * {@code pingpong.c}), through Agrona's {@code UnsafeBuffer} doing exactly the same on the same slots (like for
 * like), and through Agrona's {@code OneToOneRingBuffer} pair over the same file. Warm-up rounds are
 * not recorded. The C floor is {@code pingpong.c}: the same round trip in C between two processes.
 */
public final class ViewPingPong implements LatencyHarness {
    private static final long SPINS_BETWEEN_CHECKS = 1 << 20;

    @Override
    public String area() {
        return "views";
    }

    @Override
    public String title() {
        return "Cross-process ping-pong over a /dev/shm file";
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        int warmup = settings.scale(200_000, 20_000, 1_000);
        int measured = settings.scale(500_000, 100_000, 2_000);
        return List.of(accessor(warmup, measured), unsafeBuffer(warmup, measured), agrona(warmup, measured));
    }

    private static LatencyResult accessor(int warmup, int measured) throws Exception {
        Path file = newFile();
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            Process child = ChildJvm.start(PingPongChild.class, "accessor", file.toString(), String.valueOf(warmup + measured));
            try {
                await(child, () -> view.getLongAcquire(PingPongLayout.READY_OFFSET) == 1);
                return measure("mmf4jAccessor", child, warmup, measured, i -> {
                    view.putLongRelease(PingPongLayout.PING_OFFSET, i);
                    return view.getLongAcquire(PingPongLayout.PONG_OFFSET) == i;
                }, i -> view.getLongAcquire(PingPongLayout.PONG_OFFSET) == i);
            } finally {
                finish(child);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Like for like: Agrona's UnsafeBuffer, the same release stores and acquire loads on the same slots. */
    private static LatencyResult unsafeBuffer(int warmup, int measured) throws Exception {
        Path file = newFile();
        try {
            UnsafeBuffer all = PingPongLayout.mapForAgrona(file);
            int ping = (int) PingPongLayout.PING_OFFSET;
            int pong = (int) PingPongLayout.PONG_OFFSET;
            Process child = ChildJvm.start(PingPongChild.class, "unsafe", file.toString(), String.valueOf(warmup + measured));
            try {
                await(child, () -> all.getLongAcquire((int) PingPongLayout.READY_OFFSET) == 3);
                return measure("agronaUnsafeBuffer", child, warmup, measured, i -> {
                    all.putLongRelease(ping, i);
                    return all.getLongAcquire(pong) == i;
                }, i -> all.getLongAcquire(pong) == i);
            } finally {
                finish(child);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static LatencyResult agrona(int warmup, int measured) throws Exception {
        Path file = newFile();
        try {
            UnsafeBuffer all = PingPongLayout.mapForAgrona(file);
            OneToOneRingBuffer out = PingPongLayout.ring(all, PingPongLayout.TO_CHILD_RING_OFFSET);
            OneToOneRingBuffer in = PingPongLayout.ring(all, PingPongLayout.TO_PARENT_RING_OFFSET);
            UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
            long[] reply = {0};
            Process child = ChildJvm.start(PingPongChild.class, "agrona", file.toString(), String.valueOf(warmup + measured));
            try {
                await(child, () -> all.getLongAcquire((int) PingPongLayout.READY_OFFSET) == 2);
                return measure("agronaRingBuffer", child, warmup, measured, i -> {
                    message.putLong(0, i);
                    if (!out.write(PingPongLayout.MESSAGE_TYPE, message, 0, 8)) {
                        throw new IllegalStateException("the ping ring is full: the child stopped reading");
                    }
                    return false;
                }, i -> {
                    in.read((type, buffer, index, length) -> reply[0] = buffer.getLong(index), 1);
                    return reply[0] == i;
                });
            } finally {
                finish(child);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Sends round {@code i} with {@code send} (true if the answer is already there), then spins on {@code answered}. */
    private static LatencyResult measure(String name, Process child, int warmup, int measured, LongPredicate send,
                                         LongPredicate answered) throws IOException {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long start = 0;
        for (long i = 1; i <= warmup + measured; i++) {
            if (i == warmup + 1) {
                start = System.nanoTime();
            }
            long t = System.nanoTime();
            boolean done = send.test(i);
            long spins = 0;
            while (!done && !(done = answered.test(i))) {
                Thread.onSpinWait();
                if (++spins % SPINS_BETWEEN_CHECKS == 0 && !child.isAlive()) {
                    throw new IOException(name + ": the echoing child died with exit code " + child.exitValue());
                }
            }
            if (i > warmup) {
                histogram.recordValue(Math.min(System.nanoTime() - t, histogram.getHighestTrackableValue()));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return LatencyResult.of(name, histogram, measured / seconds);
    }

    private static void await(Process child, java.util.function.BooleanSupplier ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ready.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new IOException("the echoing child exited early with code " + child.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the echoing child did not start within 60 s");
            }
            Thread.sleep(1);
        }
    }

    private static void finish(Process child) throws InterruptedException {
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
        }
    }

    private static Path newFile() throws IOException {
        Path shm = Path.of("/dev/shm");
        Path file = Files.createTempFile(Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")),
            "mmf4j-pingpong", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.allocate(1), PingPongLayout.FILE_SIZE - 1);
        }
        return file;
    }
}
