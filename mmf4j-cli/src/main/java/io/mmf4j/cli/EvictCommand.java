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
 * {@code mmf evict FILE...}: drops files from the page cache (the view's evict: MADV_PAGEOUT, then
 * POSIX_FADV_DONTNEED on the file), so the next read comes from the disk — for cold-cache measurements.
 * Pages that are dirty, locked or mapped by other processes may stay; the report says how many did.
 */
@Command(name = "evict", mixinStandardHelpOptions = true,
        description = {"Drops files from the page cache (MADV_PAGEOUT + posix_fadvise DONTNEED).",
                "Pages other processes have mapped or locked, and files on tmpfs, may stay."})
final class EvictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to evict.")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        for (Path file : files) {
            try (CachedFile cached = CachedFile.open(file)) {
                int before = ResidencyCommand.count(cached.residency());
                long nanos;
                try (Progress progress = new Progress("evict " + file.getFileName(), cached.size(), System.err)) {
                    cached.evict(progress);
                    nanos = progress.elapsedNanos();
                }
                boolean[] after = cached.residency();
                out.printf(Locale.ROOT, "evicted %s: %s in %s (%s); in memory: %s -> %s of %d pages%n", file,
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
