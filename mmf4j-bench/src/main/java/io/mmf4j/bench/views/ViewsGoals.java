package io.mmf4j.bench.views;

import static io.mmf4j.bench.harness.Contestant.c;
import static io.mmf4j.bench.harness.Contestant.crossProcess;
import static io.mmf4j.bench.harness.Contestant.jmh;

import io.mmf4j.bench.harness.Contestant;
import io.mmf4j.bench.harness.Goal;
import io.mmf4j.bench.harness.GoalArea;
import java.util.List;

/** The goals of persisted maps and views (issue 16, item 2): every contestant named once, every goal one line. */
public final class ViewsGoals implements GoalArea {
    static final Contestant FLAT_ACCESSOR = jmh(FlatFileDatabaseBench.class, "accessor", "records=1000000");
    static final Contestant FLAT_RAW = jmh(FlatFileDatabaseBench.class, "rawSegment", "records=1000000");
    static final Contestant FLAT_RAF = jmh(FlatFileDatabaseBench.class, "randomAccessFile", "records=1000000");
    static final Contestant ACCESSOR_GET = jmh(GetPutBench.class, "accessorGet");
    static final Contestant RAW_GET = jmh(GetPutBench.class, "rawSegmentGet");
    static final Contestant AGRONA_GET = jmh(GetPutBench.class, "agronaGet");
    static final Contestant ACCESSOR_PUT = jmh(GetPutBench.class, "accessorPut");
    static final Contestant RAW_PUT = jmh(GetPutBench.class, "rawSegmentPut");
    static final Contestant AGRONA_PUT = jmh(GetPutBench.class, "agronaPut");
    static final Contestant STREAM = jmh(SequentialReadBench.class, "viewStream", "mib=1024");
    static final Contestant SEGMENT_COPY = jmh(SequentialReadBench.class, "segmentCopy", "mib=1024");
    static final Contestant VIEW_READ = jmh(ViewLifecycleBench.class, "mmf4jRead");
    static final Contestant C_VIEW_READ = c("view_cycle.c", "read view create+touch+close ns:")
        .args("read", "20000", "{work}").quickArgs("read", "1000", "{work}");
    static final Contestant VIEW_WRITE = jmh(ViewLifecycleBench.class, "mmf4jReadWrite");
    static final Contestant C_VIEW_WRITE = c("view_cycle.c", "writable view create+touch+close ns:")
        .args("write", "500", "{work}").quickArgs("write", "50", "{work}");
    static final Contestant PING_PONG = crossProcess(ViewPingPong.class, "mmf4jAccessor");
    static final Contestant PING_PONG_AGRONA = crossProcess(ViewPingPong.class, "agronaUnsafeBuffer");
    static final Contestant PING_PONG_AGRONA_RING = crossProcess(ViewPingPong.class, "agronaRingBuffer");
    /** The C shared-memory ping-pong between two processes: the floor of every spinning round trip (the queues' too). */
    public static final Contestant C_PING_PONG = c("pingpong.c", "shm pingpong rtt ns: median").args("200000")
        .quickArgs("50000").crossProcess();

    static final Contestant SPARSE_64_GIB = Contestant.check(SparseView.class, 512, "64");
    /** The JDK's FileChannel.map into a confined arena (no handshake at all): a JVM's floor for the view cycle. */
    static final Contestant CHANNEL_MAP_CONFINED = jmh(ViewLifecycleBench.class, "channelMapConfined");

    @Override
    public String area() {
        return "views";
    }

    @Override
    public List<Goal> goals() {
        return List.of(
            Goal.of("flat-file DB: accessor ≤ 1.2× raw segment and ≥ 20× RandomAccessFile", FLAT_ACCESSOR)
                .atMost(1.2, FLAT_RAW).fasterAtLeast(20, FLAT_RAF),
            Goal.of("get: accessor ≤ 1.2× raw segment and ≤ 1.0× Agrona UnsafeBuffer", ACCESSOR_GET)
                .atMost(1.2, RAW_GET).atMost(1.0, AGRONA_GET),
            Goal.of("put: accessor ≤ 1.2× raw segment and ≤ 1.0× Agrona UnsafeBuffer", ACCESSOR_PUT)
                .atMost(1.2, RAW_PUT).atMost(1.0, AGRONA_PUT),
            Goal.of("stream sequential read ≥ 0.9× MemorySegment.copy", STREAM).atMost(1 / 0.9, SEGMENT_COPY),
            Goal.of("READ view create+touch+close ≤ 1.5× C doing the same syscalls", VIEW_READ).atMost(1.5, C_VIEW_READ),
            Goal.of("READ_WRITE view create+touch+close ≤ 1.5× C doing the same (msync + fdatasync)", VIEW_WRITE)
                .atMost(1.5, C_VIEW_WRITE),
            Goal.of("cross-process ping-pong ≤ 1.1× C and ≤ Agrona UnsafeBuffer (same slots) and ≤ Agrona ring", PING_PONG)
                .atMost(1.1, C_PING_PONG).atMost(1.0, PING_PONG_AGRONA).atMost(1.0, PING_PONG_AGRONA_RING),
            Goal.of("a 64 GiB sparse view works (sparse file, one long per GiB, nothing touched in bulk)", SPARSE_64_GIB));
    }

    @Override
    public List<Contestant> extras() {
        return List.of(CHANNEL_MAP_CONFINED);
    }
}
