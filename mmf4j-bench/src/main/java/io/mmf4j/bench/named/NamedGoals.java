package io.mmf4j.bench.named;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The goals of named maps (issue 16, item 2): createNew + view + one byte written + close against {@code named_create.c},
 * which makes the same syscalls as mmf4j (namespace check and sweep, O_TMPFILE, the commit by fallocate or, delayed,
 * ftruncate, header, holder lock, link; mmap; msync; the last-holder check and unlink; munmap). The issue names no
 * bound for these; they are held to the views' 1.5×.
 */
public final class NamedGoals implements GoalArea {
    static final Contestant CREATE = jmh(NamedMapLifecycleBenchmark.class, "mmf4jCreateNewViewClose");
    static final Contestant CREATE_DELAYED = jmh(NamedMapLifecycleBenchmark.class, "mmf4jCreateNewDelayedViewClose");
    static final Contestant C_CREATE = c("named_create.c", "named createNew+view+close commit ns:")
        .args("commit", "5000", "/dev/shm").quickArgs("commit", "500", "/dev/shm");
    static final Contestant C_CREATE_DELAYED = c("named_create.c", "named createNew+view+close delayed ns:")
        .args("delayed", "5000", "/dev/shm").quickArgs("delayed", "500", "/dev/shm");
    /** The JDK's own create + FileChannel.map + close of a /dev/shm file: a JVM process making fewer syscalls. */
    static final Contestant CHANNEL_CREATE = jmh(NamedMapLifecycleBenchmark.class, "fileChannelCreateMapClose");

    @Override
    public String area() {
        return "named";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("named createNew (committed) + view + close ≤ 1.5× C doing the same syscalls", CREATE)
                .atMost(1.5, C_CREATE),
            Goal.of("named createNew (DELAY_ALLOCATE_PAGES) + view + close ≤ 1.5× C doing the same syscalls",
                CREATE_DELAYED).atMost(1.5, C_CREATE_DELAYED));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(CHANNEL_CREATE);
    }
}
