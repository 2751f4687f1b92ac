package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Random operations from several threads on maps (a persisted file, an anonymous map, a named map) and their
 * views and streams: views open and close under other threads' accesses, maps close, the file is truncated and
 * re-grown underneath, and FileMode.CREATE is tried on it while it is mapped. Every operation must end in success
 * or a documented exception; anything else is counted and printed. Prints "survived OPS unexpected=N" at the end.
 *
 * <p>Arguments: DIR THREADS OPS_PER_THREAD SEED.
 */
public final class MapFuzzChild {
    private static final int SLOTS = 6;
    private static final long CAPACITY = 64 * 1024;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        int opsPerThread = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Path file = dir.resolve("fuzz.bin");
        java.nio.file.Files.write(file, new byte[(int) CAPACITY]);
        SharedNamespace namespace = SharedNamespace.at(dir.resolve("ns"));
        MemoryMappedFile[] maps = {
                MemoryMappedFile.createFromFile(file, FileMode.OPEN),
                MemoryMappedFile.createNew(null, CAPACITY),
                MemoryMappedFile.createNew(namespace, "fuzz", CAPACITY, MemoryMappedFileAccess.READ_WRITE)};
        AtomicReferenceArray<AutoCloseable> slots = new AtomicReferenceArray<>(SLOTS);
        AtomicLong unexpected = new AtomicLong();
        AtomicLong ops = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed + t);
            workers[t] = new Thread(() -> {
                for (int i = 0; i < opsPerThread; i++) {
                    try {
                        step(random, maps, slots, file);
                    } catch (IllegalStateException | IndexOutOfBoundsException | IllegalArgumentException
                             | ReadOnlyBufferException | BufferOverflowException | InternalError
                             | IOException | UncheckedIOException expected) {
                        // documented: closed, out of range, misaligned, read-only, full, vanished page, refused
                    } catch (Throwable other) {
                        if (unexpected.incrementAndGet() <= 5) {
                            System.out.println("unexpected: " + other);
                            other.printStackTrace(System.out);
                        }
                    }
                    ops.incrementAndGet();
                }
            });
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        for (int s = 0; s < SLOTS; s++) {
            closeQuietly(slots.getAndSet(s, null));
        }
        for (MemoryMappedFile map : maps) {
            closeQuietly(map);
        }
        System.out.println("survived " + ops.get() + " unexpected=" + unexpected.get());
    }

    private static void step(Random random, MemoryMappedFile[] maps, AtomicReferenceArray<AutoCloseable> slots,
                             Path file) throws Exception {
        int slot = random.nextInt(SLOTS);
        long position = random.nextInt((int) CAPACITY + 64) - 16; // now and then out of range
        int op = random.nextInt(100);
        if (op < 8) { // open a view or a stream into the slot, closing what was there
            MemoryMappedFile map = maps[random.nextInt(maps.length)];
            long offset = random.nextInt((int) CAPACITY / 2);
            MemoryMappedFileAccess access = random.nextInt(4) == 0 ? MemoryMappedFileAccess.READ
                    : MemoryMappedFileAccess.READ_WRITE;
            AutoCloseable opened = random.nextBoolean() ? map.createViewAccessor(offset, 0, access)
                    : map.createViewStream(offset, 0, access);
            closeQuietly(slots.getAndSet(slot, opened));
        } else if (op < 12) { // close a view under whoever uses it
            AutoCloseable view = slots.get(slot);
            if (view != null) {
                view.close();
            }
        } else if (op < 13) { // cut the file under its live views, then grow it back
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(random.nextInt((int) CAPACITY));
                channel.write(ByteBuffer.allocate(1), CAPACITY - 1);
            }
        } else if (op < 14) { // FileMode.CREATE while it is mapped: refused, the file left as it is
            MemoryMappedFile.createFromFile(file, FileMode.CREATE, null, CAPACITY).close();
        } else if (slots.get(slot) instanceof MemoryMappedViewAccessor view) {
            long aligned = position & ~7L;
            switch (op % 8) {
                case 0 -> view.getLong(position);
                case 1 -> view.putInt(position, op);
                case 2 -> view.compareAndSetLong(aligned, 0, op);
                case 3 -> view.getAndAddInt(aligned, 1);
                case 4 -> view.readArray(position, new byte[64], 0, 64);
                case 5 -> view.writeArray(position, new long[4], 0, 4);
                case 6 -> view.putLongVolatile(aligned, op);
                default -> view.segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, position);
            }
        } else if (slots.get(slot) instanceof MemoryMappedViewStream stream) {
            stream.position(Math.max(0, position));
            switch (op % 4) {
                case 0 -> stream.readLong();
                case 1 -> stream.writeInt(op);
                case 2 -> stream.read(ByteBuffer.allocate(100));
                default -> stream.readString();
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception | InternalError ignored) {
                // a flush of vanished pages may fail; the fuzz is about never crashing
            }
        }
    }
}
