package io.mmf4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What {@code load} and {@code evict} share: for each file chosen ({@link FileSelection}), its residency before,
 * the cache action under a progress bar (shown after a second, on a terminal only), and one line (or JSON object)
 * with the throughput and the residency after. A file that fails is one line on stderr; the others still run,
 * and the exit code says whether any failed.
 */
abstract class CacheCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FileSelection selection;

    @Option(names = "--json", description = "Print JSON: per file the pages resident before and after.")
    boolean json;

    /** The verb for the progress bar, e.g. "load". */
    abstract String verb();

    /** The verb for the report line, e.g. "loaded". */
    abstract String done();

    /** Does the command's work on the file's range, advancing {@code progress}. */
    abstract void apply(CachedFile file, Progress progress) throws IOException;

    @Override
    public final Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        List<String> jsonFiles = new ArrayList<>();
        long residentAfter = 0;
        long pagesAfter = 0;
        for (Path file : selection.files()) {
            try (CachedFile cached = CachedFile.open(file, selection.range)) {
                boolean known = cached.residencyKnown();
                int before = known ? ResidencyCommand.count(cached.residency()) : -1;
                long nanos;
                try (Progress progress = new Progress(verb() + " " + file.getFileName(), cached.size(), System.err)) {
                    apply(cached, progress);
                    nanos = progress.elapsedNanos();
                }
                if (!known) {
                    if (json) {
                        jsonFiles.add(FileJson.unknown(cached));
                    } else {
                        out.printf(Locale.ROOT, "%s %s: %s in %s; %s%n", verb(), file, Sizes.human(cached.size()),
                                Sizes.duration(nanos), CachedFile.RESIDENCY_UNKNOWN);
                    }
                    continue;
                }
                boolean[] after = cached.residency();
                int count = ResidencyCommand.count(after);
                residentAfter += count;
                pagesAfter += after.length;
                if (json) {
                    jsonFiles.add(FileJson.action(cached, verb(), nanos, before, count, after.length));
                } else {
                    out.println(report(file, cached.size(), nanos, before, count, after.length));
                }
                hold(cached, out);
            } catch (Exception e) {
                failed++;
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Failures.describe(e));
            }
        }
        if (json) {
            out.print(FileJson.document(jsonFiles, residentAfter, pagesAfter));
        }
        out.flush();
        return failed == 0 ? 0 : Failures.FAILED;
    }

    /** The report line of one file: what the action did, and the residency before and after it. */
    String report(Path file, long size, long nanos, int before, int after, int pages) {
        return String.format(Locale.ROOT, "%s %s: %s in %s (%s); in memory: %s -> %s of %s", done(), file,
                Sizes.human(size), Sizes.duration(nanos), Sizes.rate(size, nanos),
                ResidencyCommand.percent(before, pages), ResidencyCommand.percent(after, pages),
                Sizes.count(pages, "page"));
    }

    /** Called with each file after its report, before it is closed: {@code lock} keeps it; the others do nothing. */
    void hold(CachedFile file, PrintWriter out) throws IOException {}
}
