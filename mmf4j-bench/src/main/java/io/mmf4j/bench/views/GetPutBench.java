package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One get and one put of a long at a position the JIT cannot fold (a field), through the accessor and its peers
 * over the same 1 MiB mapped file. The accessor adds only a byte-order branch to the raw access: it has no is-open
 * check (close swaps its segment for one whose arena is closed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetPutBench extends ForkedBenchmark {
    private static final long SIZE = 1 << 20;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /**
     * Diagnostic contestants: the raw segment behind the same checks the accessor makes (a closed flag in another
     * object; a byte-order branch), to show what those checks cost on their own.
     */
    static final class Checked {
        private final Checked owner;
        private final MemorySegment segment;
        private final boolean swap;
        private boolean closed;

        Checked(MemorySegment segment) {
            this.owner = this;
            this.segment = segment;
            this.swap = false;
        }

        long getClosedCheckOnly(long position) {
            if (owner.closed) {
                throw new IllegalStateException("closed");
            }
            return segment.get(LONG, position);
        }

        long getLikeAccessor(long position) {
            if (owner.closed) {
                throw new IllegalStateException("closed");
            }
            long value = segment.get(LONG, position);
            return swap ? Long.reverseBytes(value) : value;
        }
    }

    /**
     * Diagnostic contestant for a cheaper safe close: no closed flag; close would swap {@code segment} for a segment
     * of an already closed arena, so the scope check that every segment access makes anyway throws
     * IllegalStateException, while the reaper still unmaps the real mapping only after its handshake.
     */
    static final class Swappable {
        private MemorySegment segment;

        Swappable(MemorySegment segment) {
            this.segment = segment;
        }

        long get(long position) {
            return segment.get(LONG, position);
        }

        /**
         * A segment of a closed shared arena (not confined: that throws WrongThreadException on other threads), as
         * long as any view (else the bounds check would throw IndexOutOfBoundsException before the scope check).
         */
        private static final MemorySegment GONE = gone();

        @SuppressWarnings("restricted") // never accessed while alive: its arena is closed before it is used
        private static MemorySegment gone() {
            Arena dead = Arena.ofShared();
            MemorySegment segment = MemorySegment.NULL.reinterpret(Long.MAX_VALUE, dead, null);
            dead.close();
            return segment;
        }

        void close() {
            segment = GONE;
        }
    }

    /** Not final, not constant: each call reads it, as a caller's computed position would be. */
    public long position = 4096 + 8;
    public long value = 42;

    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedViewAccessor accessor;
    private Arena arena;
    private MemorySegment segment;
    private MappedByteBuffer buffer;
    private UnsafeBuffer agrona;
    private Checked checked;
    private Swappable swappable;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = BenchFiles.filled("mmf4j-getput", SIZE);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        accessor = map.createViewAccessor();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            arena = Arena.ofShared();
            segment = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        agrona = new UnsafeBuffer(segment.address(), (int) SIZE);
        checked = new Checked(segment);
        swappable = new Swappable(segment);
        Swappable proof = new Swappable(segment);
        proof.close();
        try {
            proof.get(SIZE - 8);
            throw new AssertionError("a swapped-out segment must refuse access");
        } catch (IllegalStateException expected) {
            // what a closed view must throw
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        accessor.close();
        map.close();
        arena.close();
        BenchFiles.delete(file);
    }

    @Benchmark
    public long accessorGet() {
        return accessor.getLong(position);
    }

    @Benchmark
    public long rawSegmentGet() {
        return segment.get(LONG, position);
    }

    @Benchmark
    public long closedCheckSegmentGet() {
        return checked.getClosedCheckOnly(position);
    }

    @Benchmark
    public long accessorChecksSegmentGet() {
        return checked.getLikeAccessor(position);
    }

    @Benchmark
    public long swappableSegmentGet() {
        return swappable.get(position);
    }

    @Benchmark
    public long agronaGet() {
        return agrona.getLong((int) position, ByteOrder.LITTLE_ENDIAN);
    }

    @Benchmark
    public long mappedByteBufferGet() {
        return buffer.getLong((int) position);
    }

    @Benchmark
    public void accessorPut() {
        accessor.putLong(position, value);
    }

    @Benchmark
    public void rawSegmentPut() {
        segment.set(LONG, position, value);
    }

    @Benchmark
    public void agronaPut() {
        agrona.putLong((int) position, value, ByteOrder.LITTLE_ENDIAN);
    }

    @Benchmark
    public void mappedByteBufferPut() {
        buffer.putLong((int) position, value);
    }
}
