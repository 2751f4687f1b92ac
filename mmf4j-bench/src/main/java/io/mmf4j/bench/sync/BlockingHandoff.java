package io.mmf4j.bench.sync;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.bench.harness.ChildJvm;
import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
import io.mmf4j.internal.ffi.linux.Futex;
import io.mmf4j.sync.EventResetMode;
import io.mmf4j.sync.NamedEvent;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The blocking cross-process hand-off, as a harness contestant: this JVM wakes a child JVM and sleeps until the child
 * wakes it back, every round trip two wake-ups through the kernel — the work of the futex round trip of
 * {@code blocking.c}. Contestants: {@code mmf4jEvent} (two auto-reset {@link NamedEvent}s: set "ping", await
 * "pong"; the child of {@link EventPingPong}) and {@code rawFfmFutex} (FUTEX_WAKE/FUTEX_WAIT on two words of a named
 * map, word for word {@code blocking.c}; the child of {@link RawFutexPingPong}). Warm-up round trips are not recorded.
 * NamedEvent spins a little before it sleeps, so here a side often catches the other's set while spinning;
 * {@link AsleepHandoff} measures the same round trip with both sides asleep.
 */
public final class BlockingHandoff implements LatencyHarness {
    @Override
    public String area() {
        return "sync";
    }

    @Override
    public String title() {
        return "Blocking cross-process hand-off (wake + sleep, both ways)";
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        int warmup = settings.scale(5_000, 2_000, 200);
        int measured = settings.scale(25_000, 10_000, 500);
        return List.of(event("mmf4jEvent", warmup, measured), futex(warmup, measured));
    }

    /** The NamedEvent round trips of contestant {@code contestant}, with this JVM's tuning on both sides. */
    static LatencyResult event(String contestant, int warmup, int measured) throws Exception {
        String prefix = "bench-handoff-" + UUID.randomUUID();
        int rounds = warmup + measured;
        try (NamedEvent ping = NamedEvent.create(prefix + "-ping", EventResetMode.AUTO_RESET, false);
             NamedEvent pong = NamedEvent.create(prefix + "-pong", EventResetMode.AUTO_RESET, false)) {
            Process child = ChildJvm.start(EventPingPong.class, "child", prefix, Integer.toString(rounds));
            try {
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                long start = 0;
                for (int i = 0; i < rounds; i++) {
                    if (i == warmup) {
                        start = System.nanoTime();
                    }
                    long t = System.nanoTime();
                    ping.set();
                    while (!pong.await(30, TimeUnit.SECONDS)) {
                        checkAlive(child);
                    }
                    if (i >= warmup) {
                        histogram.recordValue(Math.min(System.nanoTime() - t, histogram.getHighestTrackableValue()));
                    }
                }
                return LatencyResult.of(contestant, histogram, measured / ((System.nanoTime() - start) / 1e9));
            } finally {
                finish(child);
            }
        }
    }

    private static LatencyResult futex(int warmup, int measured) throws Exception {
        String name = "bench-rawfutex-" + UUID.randomUUID();
        int rounds = warmup + measured;
        try (MemoryMappedFile map = MemoryMappedFile.createNew(name, 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            MemorySegment a = view.segment().asSlice(0, 4);
            MemorySegment b = view.segment().asSlice(64, 4);
            Process child = ChildJvm.start(RawFutexPingPong.class, "child", name, Integer.toString(rounds));
            try {
                Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
                long start = 0;
                for (int i = 1; i <= rounds; i++) {
                    if (i == warmup + 1) {
                        start = System.nanoTime();
                    }
                    long t = System.nanoTime();
                    view.putIntVolatile(0, i);
                    Futex.wake(a, 1);
                    while (view.getIntVolatile(64) == i - 1) {
                        Futex.await(b, i - 1, TimeUnit.SECONDS.toNanos(1));
                        checkAlive(child);
                    }
                    if (i > warmup) {
                        histogram.recordValue(Math.min(System.nanoTime() - t, histogram.getHighestTrackableValue()));
                    }
                }
                return LatencyResult.of("rawFfmFutex", histogram, measured / ((System.nanoTime() - start) / 1e9));
            } finally {
                finish(child);
            }
        }
    }

    private static void checkAlive(Process child) throws IOException {
        if (!child.isAlive()) {
            throw new IOException("the hand-off child exited with code " + child.exitValue());
        }
    }

    private static void finish(Process child) throws InterruptedException {
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
        }
    }
}
