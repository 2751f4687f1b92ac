package io.mmf4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code mmf bench}: runs the benchmark harness of a source checkout ({@code bench/run}), which builds the
 * benchmark module, runs the JMH suite with its peers, the C floors and the cross-process latency harness, and
 * writes a BENCHMARKS.md with PNG charts. The {@code mmf} script says where the checkout is.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the benchmark suite: mmf4j beside its peers and C floors.",
                "Peers: RandomAccessFile, FileChannel, MappedByteBuffer, raw MemorySegment, ReentrantLock,",
                "FileChannel.lock, Agrona, and this machine's C programs, all in one run.",
                "Writes bench-report/BENCHMARKS.md and PNG charts; a full run takes about 21 minutes on a quiet 2-core machine.",
                "Other options go to the harness: --include REGEX, --out DIR, --rounds N."})
final class BenchCommand implements Callable<Integer> {
    static final String HOME_PROPERTY = "mmf.home";

    @Option(names = "--quick", description = "One round of short iterations, about 2 minutes: a look, not a verdict.")
    boolean quick;

    @Unmatched
    List<String> harnessArguments = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        String home = System.getProperty(HOME_PROPERTY);
        Path script = home == null ? null : Path.of(home, "bench", "run");
        if (script == null || !Files.isExecutable(script)) {
            throw new CliException("mmf bench needs the mmf4j source checkout (bench/run); run it as ./mmf bench from there");
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        if (quick) {
            command.add("--quick");
        }
        command.addAll(harnessArguments);
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
