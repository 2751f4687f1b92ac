package io.mmf4j.bench.ipc;

import io.mmf4j.SharedNamespace;
import io.mmf4j.bench.harness.ChildJvm;
import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
import io.mmf4j.ipc.MessageQueue;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Throughput of 64-byte messages from P producer JVMs to one consumer (the harness's JVM), through an mmf4j
 * {@link MessageQueue} and through Agrona's {@code OneToOneRingBuffer} (P = 1) or {@code ManyToOneRingBuffer}
 * (P = 4) over a /dev/shm file of about the same size. Each producer warms up, then all start together on a go
 * flag; the consumer records the time per message of every chunk of {@link #CHUNK} messages in an HdrHistogram,
 * and reports its median (ns per message, the figure the goals compare) and the overall rate. The harness pins
 * this JVM to one CPU and the producers (started through {@link ChildJvm}) to the other.
 */
public final class QueueThroughput implements LatencyHarness {
    static final int MESSAGE = 64;
    static final int SLOTS = 16_384;
    static final int AGRONA_BYTES = 1 << 20;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long READY = 0;
    private static final long GO = 64;

    static final int CHUNK = 1 << 16;

    /** The harness's constructor. */
    public QueueThroughput() {}

    @Override
    public String area() {
        return "queues";
    }

    @Override
    public String title() {
        return "64-byte message throughput, P producer JVMs -> 1 consumer";
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        long each = settings.scale(2_000_000, 1_000_000, 2 * CHUNK);
        long warmup = settings.scale(200_000, 200_000, 10_000);
        return List.of(round("mmf4j", 1, each, warmup, "mmf4jQueue1to1"),
                round("agrona", 1, each, warmup, "agronaOneToOne"),
                round("mmf4j", 4, each / 4, warmup / 4, "mmf4jQueue4to1"),
                round("agrona", 4, each / 4, warmup / 4, "agronaManyToOne"));
    }

    /** The producer JVM: {@code produce IMPL DIR NAME COUNT WARMUP}. */
    public static void main(String[] args) throws Exception {
        produce(args[1], Path.of(args[2]), args[3], Long.parseLong(args[4]), Long.parseLong(args[5]));
    }

    /** One contestant: starts the producers, receives everything, returns ns per message per chunk. */
    private static LatencyResult round(String impl, int producers, long each, long warmup, String contestant) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-qbench");
        Path control = dir.resolve("control");
        List<Process> children = new ArrayList<>();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment ctl = map(control, 4096, arena);
            Consumer consumer = impl.equals("mmf4j") ? mmf4jConsumer(dir) : agronaConsumer(dir, producers, arena);
            try {
                for (int p = 0; p < producers; p++) {
                    children.add(ChildJvm.start(QueueThroughput.class, "produce", impl, dir.toString(), "q",
                            Long.toString(each), Long.toString(warmup)));
                }
                long total = (warmup + each) * producers;
                long warm = warmup * producers;
                long received = 0;
                while (received < warm) {
                    received += consumer.drain();
                    alive(children);
                }
                while ((int) INT.getVolatile(ctl, READY) < producers) {
                    received += consumer.drain();
                    alive(children);
                }
                Histogram perMessage = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
                long start = System.nanoTime();
                INT.setVolatile(ctl, GO, 1);
                long spins = 0;
                long chunkStart = start;
                long chunkEnd = received + CHUNK;
                while (received < total) {
                    int n = consumer.drain();
                    received += n;
                    if (n == 0 && ++spins % (1 << 20) == 0) {
                        alive(children);
                    }
                    if (received >= chunkEnd) {
                        long now = System.nanoTime();
                        perMessage.recordValue(Math.max(1, (now - chunkStart) / CHUNK));
                        chunkStart = now;
                        chunkEnd += CHUNK;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                for (Process child : children) {
                    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                        throw new IllegalStateException("a producer failed");
                    }
                }
                return LatencyResult.of(contestant, perMessage, each * producers / seconds);
            } finally {
                consumer.close();
            }
        } finally {
            children.forEach(Process::destroyForcibly);
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir.resolve("ns"));
            Files.deleteIfExists(dir);
        }
    }

    private static void alive(List<Process> children) {
        for (Process child : children) {
            if (!child.isAlive() && child.exitValue() != 0) {
                throw new IllegalStateException("a producer died with exit code " + child.exitValue());
            }
        }
    }

    /** What the consumer side of one implementation does: take what is there, count it. */
    private interface Consumer extends AutoCloseable {
        int drain();

        @Override
        void close();
    }

    private static Consumer mmf4jConsumer(Path dir) throws Exception {
        MessageQueue q = MessageQueue.createNew(SharedNamespace.at(dir.resolve("ns")), "q", SLOTS, MESSAGE);
        long[] sink = {0};
        io.mmf4j.ipc.MessageHandler handler = m -> sink[0] += m.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
        return new Consumer() {
            @Override
            public int drain() {
                return q.poll(handler, 256);
            }

            @Override
            public void close() {
                q.close();
            }
        };
    }

    private static Consumer agronaConsumer(Path dir, int producers, Arena arena) throws Exception {
        if (producers > 1) {
            Files.createFile(dir.resolve("many")); // tells the producers which ring it is
        }
        RingBuffer ring = agronaRing(dir, producers, true, arena);
        long[] sink = {0};
        org.agrona.concurrent.MessageHandler handler = (type, buffer, index, length) -> sink[0] += buffer.getLong(index);
        return new Consumer() {
            @Override
            public int drain() {
                return ring.read(handler, 256);
            }

            @Override
            public void close() {
            }
        };
    }

    static RingBuffer agronaRing(Path dir, int producers, boolean create, Arena arena) throws Exception {
        int bytes = AGRONA_BYTES + RingBufferDescriptor.TRAILER_LENGTH;
        Path file = dir.resolve("agrona");
        MemorySegment segment = create ? map(file, bytes, arena) : mapExisting(file, bytes, arena);
        UnsafeBuffer buffer = new UnsafeBuffer(segment.address(), bytes);
        return producers == 1 ? new OneToOneRingBuffer(buffer) : new ManyToOneRingBuffer(buffer);
    }

    static MemorySegment map(Path file, long bytes, Arena arena) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            channel.truncate(bytes);
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {0}), bytes - 1);
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
        }
    }

    static MemorySegment mapExisting(Path file, long bytes, Arena arena) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            return channel.map(FileChannel.MapMode.READ_WRITE, 0, bytes, arena);
        }
    }

    /** A producer JVM: {@code warmup} messages, then ready, wait for go, then {@code each} messages, as fast as it can. */
    private static void produce(String impl, Path dir, String name, long each, long warmup) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment ctl = mapExisting(dir.resolve("control"), 4096, arena);
            MemorySegment message = arena.allocate(MESSAGE, 8);
            if (impl.equals("mmf4j")) {
                try (MessageQueue q = MessageQueue.openExisting(SharedNamespace.at(dir.resolve("ns")), name)) {
                    for (long i = 0; i < warmup; i++) {
                        message.set(ValueLayout.JAVA_LONG, 0, i);
                        while (!q.trySend(message)) {
                            Thread.onSpinWait();
                        }
                    }
                    ready(ctl);
                    for (long i = 0; i < each; i++) {
                        message.set(ValueLayout.JAVA_LONG, 0, i);
                        while (!q.trySend(message)) {
                            Thread.onSpinWait();
                        }
                    }
                }
            } else {
                int producers = Files.exists(dir.resolve("many")) ? 2 : 1;
                RingBuffer ring = agronaRing(dir, producers, false, arena);
                UnsafeBuffer src = new UnsafeBuffer(message.address(), MESSAGE);
                for (long i = 0; i < warmup; i++) {
                    src.putLong(0, i);
                    while (!ring.write(1, src, 0, MESSAGE)) {
                        Thread.onSpinWait();
                    }
                }
                ready(ctl);
                for (long i = 0; i < each; i++) {
                    src.putLong(0, i);
                    while (!ring.write(1, src, 0, MESSAGE)) {
                        Thread.onSpinWait();
                    }
                }
            }
        }
    }

    private static void ready(MemorySegment ctl) {
        INT.getAndAdd(ctl, READY, 1);
        while ((int) INT.getVolatile(ctl, GO) == 0) {
            Thread.onSpinWait();
        }
    }
}
