package io.mmf4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf load FILE...}: brings files into the page cache — WILLNEED on each window of the file, then a read
 * of every page so that the data really is in memory when the command ends. A progress bar appears when it
 * takes more than a second; the throughput is printed at the end.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Brings files into the page cache (madvise WILLNEED, then touches every page).")
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to load.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            try (CachedFile cached = CachedFile.open(file)) {
                int before = ResidencyCommand.count(cached.residency());
                long nanos;
                try (Progress progress = new Progress("load " + file.getFileName(), cached.size(), System.err)) {
                    cached.load(progress);
                    nanos = progress.elapsedNanos();
                }
                boolean[] after = cached.residency();
                out.printf(Locale.ROOT, "loaded %s: %s in %s (%s); in memory: %s -> %s of %d pages%n", file,
                        Sizes.human(cached.size()), Sizes.duration(nanos), Sizes.rate(cached.size(), nanos),
                        ResidencyCommand.percent(before, after.length),
                        ResidencyCommand.percent(ResidencyCommand.count(after), after.length), after.length);
            } catch (Exception e) {
                failed++;
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Failures.describe(e));
            }
        }
        out.flush();
        return failed == 0 ? 0 : Failures.FAILED;
    }
}
