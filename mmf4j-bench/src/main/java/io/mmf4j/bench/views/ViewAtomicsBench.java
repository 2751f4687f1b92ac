package io.mmf4j.bench.views;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.internal.ffi.linux.FaultGuardedCas;
import io.mmf4j.bench.harness.ForkedBenchmark;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the fault guard costs: one uncontended compare-and-set and one getAndAdd of a long through the accessor
 * (the fault-guarded CAS, a critical downcall that keeps the view's arena open for the instruction) against the
 * JDK's VarHandle CAS on a segment of the same file (which aborts the JVM if the page vanishes under it). A
 * measurement, not a goal: no issue names a peer for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ViewAtomicsBench extends ForkedBenchmark {
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();
    private static final long SIZE = 1 << 16;

    private Path file;
    private MemoryMappedFile map;
    private MemoryMappedViewAccessor view;
    private Arena arena;
    private MemorySegment raw;
    /** The same memory in the global scope: a guarded CAS on it holds no arena (diagnostic, unsafe to close). */
    private MemorySegment unheld;
    private final long position = 4096;
    private long next;

    @Setup
    public void setUp() throws IOException {
        file = BenchFiles.filled("atomics", SIZE);
        map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
        view = map.createViewAccessor();
        arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            raw = channel.map(FileChannel.MapMode.READ_WRITE, 0, SIZE, arena);
        }
        unheld = unheld(raw);
        for (long word = position; word < position + 40; word += 8) {
            view.putLong(word, 0); // both CAS contestants start from 0 and succeed every time
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        view.close();
        map.close();
        arena.close();
        BenchFiles.delete(file);
    }

    @Benchmark
    public boolean accessorCompareAndSet() {
        long current = next;
        next = current + 1;
        return view.compareAndSetLong(position, current, current + 1);
    }

    @Benchmark
    public boolean varHandleCompareAndSet() {
        long current = next;
        next = current + 1;
        return LONG.compareAndSet(raw, position + 8, current, current + 1);
    }

    /**
     * Diagnostic: the guarded CAS itself, on a segment whose scope is global, so the downcall acquires no arena —
     * what the accessor's CAS would cost without the arena hold that keeps a concurrent close from unmapping it.
     */
    @Benchmark
    public int guardedCasWithoutArenaHold() {
        long current = next;
        next = current + 1;
        return FaultGuardedCas.compareAndSetLong(unheld, position + 32, current, current + 1);
    }

    @SuppressWarnings("restricted") // the diagnostic's global view of the benchmark's own live mapping
    private static MemorySegment unheld(MemorySegment segment) {
        return MemorySegment.ofAddress(segment.address()).reinterpret(segment.byteSize());
    }

    @Benchmark
    public long accessorGetAndAdd() {
        return view.getAndAddLong(position + 16, 1);
    }

    @Benchmark
    public long varHandleGetAndAdd() {
        return (long) LONG.getAndAdd(raw, position + 24, 1L);
    }
}
