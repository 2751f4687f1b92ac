package io.mmf4j.bench.sync;

import io.mmf4j.bench.harness.LatencyHarness;
import io.mmf4j.bench.harness.LatencyResult;
import io.mmf4j.bench.harness.RunSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ContentionBench}'s mmf4j side for the benchmark harness: NamedMutex and NamedSemaphore (1 permit) guarding
 * plain increments in 2 and 4 separate JVMs (unpinned: they must contend on every CPU), each warm first, then all
 * started together. Each result's figure is nanoseconds per increment (the time from the common start to the last
 * process's end over every process's increments), the same figure {@code contention.c} prints for its C peers.
 */
public final class ContentionHarness implements LatencyHarness {
    @Override
    public String area() {
        return "contention";
    }

    @Override
    public String title() {
        return "Guarded increments from 2 and 4 processes: NamedMutex and NamedSemaphore";
    }

    @Override
    public List<LatencyResult> run(RunSettings settings) throws Exception {
        long warm = settings.scale(50_000, 20_000, 500);
        long iters = settings.scale(200_000, 100_000, 2_000);
        List<LatencyResult> results = new ArrayList<>();
        for (String kind : new String[] {"mutex", "sem"}) {
            for (int processes : new int[] {2, 4}) {
                double ms = ContentionBench.java(kind, processes, warm, iters);
                long nanosPerIncrement = Math.max(1, Math.round(ms * 1e6 / (processes * iters)));
                results.add(new LatencyResult(kind + processes, nanosPerIncrement, nanosPerIncrement, nanosPerIncrement,
                        nanosPerIncrement, 1e9 / nanosPerIncrement));
            }
        }
        return results;
    }
}
