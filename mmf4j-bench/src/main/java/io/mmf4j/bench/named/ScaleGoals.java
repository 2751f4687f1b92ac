package io.mmf4j.bench.named;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/**
 * The goals of issue 20 (named objects at scale): {@code createNew}+{@code close} and {@code openExisting}+{@code
 * close} of a 4-KiB named map with 1,000 and with 10,000 other live maps in the namespace at most 1.2 times the cost
 * with 1, measured in the same rounds; and the absolute goals — {@code list()} of 10,000 within 100 ms and
 * {@code sweep()} of 10,000 dead within 1 s — against fixed budgets ({@link Contestant#budget}), with
 * {@code named_list.c} — the system calls of the listing of 10,000 held files, with nothing around them — beside
 * them as the machine's floor for {@code list()}. The 8-process churn is {@link NamespaceChurn}, run by hand.
 */
public final class ScaleGoals implements GoalArea {
    static final Contestant CREATE_1 = jmh(NamespaceScaleBenchmark.class, "createNewClose", "live=1");
    static final Contestant CREATE_1000 = jmh(NamespaceScaleBenchmark.class, "createNewClose", "live=1000");
    static final Contestant CREATE_10000 = jmh(NamespaceScaleBenchmark.class, "createNewClose", "live=10000");
    static final Contestant OPEN_1 = jmh(NamespaceScaleBenchmark.class, "openExistingClose", "live=1");
    static final Contestant OPEN_1000 = jmh(NamespaceScaleBenchmark.class, "openExistingClose", "live=1000");
    static final Contestant OPEN_10000 = jmh(NamespaceScaleBenchmark.class, "openExistingClose", "live=10000");
    static final Contestant LIST_10000 = jmh(NamespaceScaleBenchmark.class, "list", "live=10000");
    static final Contestant SWEEP_10000 = jmh(NamespaceSweepBenchmark.class, "sweep");
    static final Contestant C_LIST_10000 = c("named_list.c", "list ms:").unit("ms")
        .args("10000", "15", "/dev/shm").quickArgs("10000", "3", "/dev/shm");

    @Override
    public String area() {
        return "scale";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("createNew+close with 1,000 live ≤ 1.2× with 1 live", CREATE_1000).atMost(1.2, CREATE_1),
            Goal.of("createNew+close with 10,000 live ≤ 1.2× with 1 live", CREATE_10000).atMost(1.2, CREATE_1),
            Goal.of("openExisting+close with 1,000 live ≤ 1.2× with 1 live", OPEN_1000).atMost(1.2, OPEN_1),
            Goal.of("openExisting+close with 10,000 live ≤ 1.2× with 1 live", OPEN_10000).atMost(1.2, OPEN_1),
            Goal.of("list() of 10,000 live objects ≤ 100 ms", LIST_10000).atMost(1.0, Contestant.budget("100 ms", 100e6)),
            Goal.of("sweep() of 10,000 dead objects ≤ 1 s", SWEEP_10000).atMost(1.0, Contestant.budget("1 s", 1e9)));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(C_LIST_10000);
    }
}
