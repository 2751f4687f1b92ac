package io.mmf4j.bench.ipc;

import io.mmf4j.SharedNamespace;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Throughput of 64-byte messages from P producer JVMs to one consumer (this JVM), through an mmf4j
 * {@link MessageQueue} and through Agrona's {@code OneToOneRingBuffer} (P = 1) or {@code ManyToOneRingBuffer}
 * (P > 1) over a /dev/shm file of about the same size. Rounds alternate mmf4j and Agrona (interleaved, same
 * sitting); each producer warms up, then all start together on a go flag; the consumer times the measured
 * messages from the go to the last one. Producers run pinned to {@code PRODUCER_CPUS} with taskset, the consumer
 * wherever this JVM is pinned ({@code taskset -c 0 java ...}).
 *
 * {@snippet lang = "shell" :
 * taskset -c 0 java --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp 'mmf4j-bench/target/mmf4j-bench.jar:mmf4j-bench/target/lib/*' \
 *     io.mmf4j.bench.ipc.QueueThroughput 1 2000000 5 1    # producers, messages each, rounds, producer CPUs
 * }
 *
 * Prints each round's rate and, last, the median rates and their ratio. A main program; not thread-safe.
 */
public final class QueueThroughput {
    static final int MESSAGE = 64;
    static final int SLOTS = 16_384;
    static final int AGRONA_BYTES = 1 << 20;
    static final int WARMUP = 200_000;
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long READY = 0;
    private static final long GO = 64;

    private QueueThroughput() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("produce")) {
            produce(args[1], Path.of(args[2]), args[3], Long.parseLong(args[4]));
            return;
        }
        int producers = Integer.parseInt(args[0]);
        long each = Long.parseLong(args[1]);
        int rounds = Integer.parseInt(args[2]);
        String cpus = args.length > 3 ? args[3] : "1";
        double[] mmf4j = new double[rounds];
        double[] agrona = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            mmf4j[r] = round("mmf4j", producers, each, cpus);
            agrona[r] = round("agrona", producers, each, cpus);
            System.out.printf("round %d: mmf4j %.2f M msg/s, agrona %.2f M msg/s%n", r, mmf4j[r] / 1e6, agrona[r] / 1e6);
        }
        double m = median(mmf4j);
        double a = median(agrona);
        System.out.printf("%d->1 64-byte throughput median: mmf4j %.2f M msg/s, agrona %s %.2f M msg/s, ratio %.2f%n",
                producers, m / 1e6, producers == 1 ? "OneToOneRingBuffer" : "ManyToOneRingBuffer", a / 1e6, m / a);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** One round: starts the producers, receives everything, returns measured messages per second. */
    private static double round(String impl, int producers, long each, String cpus) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/dev/shm"), "mmf4j-qbench");
        Path control = dir.resolve("control");
        List<Process> children = new ArrayList<>();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment ctl = map(control, 4096, arena);
            Consumer consumer = impl.equals("mmf4j") ? mmf4jConsumer(dir) : agronaConsumer(dir, producers, arena);
            try {
                for (int p = 0; p < producers; p++) {
                    children.add(startProducer(impl, dir, cpus, each));
                }
                long total = (WARMUP + each) * producers;
                long warm = (long) WARMUP * producers;
                long received = 0;
                while (received < warm) {
                    received += consumer.drain();
                    alive(children);
                }
                while ((int) INT.getVolatile(ctl, READY) < producers) {
                    received += consumer.drain();
                    alive(children);
                }
                long start = System.nanoTime();
                INT.setVolatile(ctl, GO, 1);
                long spins = 0;
                while (received < total) {
                    int n = consumer.drain();
                    received += n;
                    if (n == 0 && ++spins % (1 << 20) == 0) {
                        alive(children);
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                for (Process child : children) {
                    if (!child.waitFor(60, TimeUnit.SECONDS) || child.exitValue() != 0) {
                        throw new IllegalStateException("a producer failed");
                    }
                }
                return each * producers / seconds;
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

    private static Process startProducer(String impl, Path dir, String cpus, long each) throws Exception {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                QueueThroughput.class.getName(), "produce", impl, dir.toString(), "q", Long.toString(each)));
        return new ProcessBuilder(command).inheritIO().start();
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

    /** A producer JVM: WARMUP messages, then ready, wait for go, then {@code each} messages, as fast as it can. */
    private static void produce(String impl, Path dir, String name, long each) throws Exception {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment ctl = mapExisting(dir.resolve("control"), 4096, arena);
            MemorySegment message = arena.allocate(MESSAGE, 8);
            if (impl.equals("mmf4j")) {
                try (MessageQueue q = MessageQueue.openExisting(SharedNamespace.at(dir.resolve("ns")), name)) {
                    for (long i = 0; i < WARMUP; i++) {
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
                for (long i = 0; i < WARMUP; i++) {
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
