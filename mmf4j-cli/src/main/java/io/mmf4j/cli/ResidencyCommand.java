package io.mmf4j.cli;

import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mmf residency FILE...}: how much of each file is in the page cache, page by page (mincore through a
 * read-only view), drawn as one bar per file: {@code O} a stretch of the file fully cached, {@code o} partly,
 * blank not at all — as vmtouch draws it.
 */
@Command(name = "residency", mixinStandardHelpOptions = true,
        description = {"Shows how much of each file is in the page cache (mincore), one bar per file.",
                "In a bar, 'O' = that part of the file is fully in memory, 'o' = partly, ' ' = not at all."})
final class ResidencyCommand implements Callable<Integer> {
    static final int BAR = 40;

    @Spec
    CommandSpec spec;

    @Mixin
    FileSelection selection;

    @Option(names = "--json", description = "Print JSON: per file its pages, resident pages and a map of runs.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long pages = 0;
        long resident = 0;
        int failed = 0;
        int unknown = 0;
        int known = 0;
        List<String> jsonFiles = new ArrayList<>();
        for (Path file : selection.files()) {
            try (CachedFile cached = CachedFile.open(file, selection.range)) {
                if (!cached.residencyKnown()) {
                    unknown++;
                    if (json) {
                        jsonFiles.add(FileJson.unknown(cached));
                    } else {
                        out.println(unknownLine(cached.size(), file.toString()));
                    }
                    continue;
                }
                boolean[] residency = cached.residency();
                int count = count(residency);
                if (json) {
                    jsonFiles.add(FileJson.residency(cached, residency, count));
                } else {
                    out.println(line(residency, count, cached.size(), file.toString()));
                }
                known++;
                pages += residency.length;
                resident += count;
            } catch (Exception e) {
                failed++;
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + Failures.describe(e));
            }
        }
        if (json) {
            out.print(FileJson.document(jsonFiles, resident, pages));
        } else if (known + unknown + failed > 1) {
            out.printf(Locale.ROOT, "total: %d of %d pages in memory (%s) in %s%s%n",
                    resident, pages, percent(resident, pages), Sizes.count(known, "file"),
                    unknown == 0 ? "" : "; residency unknown for " + Sizes.count(unknown, "file"));
        }
        out.flush();
        return failed == 0 ? 0 : Failures.FAILED;
    }

    static String line(boolean[] residency, int count, long size, String name) {
        long resident = Math.min(size, count * VirtualMemory.pageSize()); // the last page may be partly file
        return String.format(Locale.ROOT, "[%s] %6s %21s %22s  %s", bar(residency), percent(count, residency.length),
                count + "/" + residency.length + " pages", Sizes.human(resident) + " of " + Sizes.human(size), name);
    }

    /** The line for a file whose residency the kernel does not tell this process (see CachedFile#residencyKnown). */
    static String unknownLine(long size, String name) {
        return String.format(Locale.ROOT, "[%s] %6s %21s %22s  %s (%s)", "?".repeat(BAR), "?", "? pages",
                Sizes.human(size), name, CachedFile.RESIDENCY_UNKNOWN);
    }

    /** {@code BAR} cells, each covering an equal share of the pages. */
    static String bar(boolean[] residency) {
        StringBuilder bar = new StringBuilder(BAR);
        int n = residency.length;
        for (int cell = 0; cell < BAR; cell++) {
            int from = (int) ((long) cell * n / BAR);
            int to = Math.max(from + 1, (int) ((long) (cell + 1) * n / BAR));
            if (n == 0 || from >= n) {
                bar.append(' ');
                continue;
            }
            int in = 0;
            for (int page = from; page < Math.min(to, n); page++) {
                in += residency[page] ? 1 : 0;
            }
            bar.append(in == 0 ? ' ' : in == Math.min(to, n) - from ? 'O' : 'o');
        }
        return bar.toString();
    }

    static int count(boolean[] residency) {
        int count = 0;
        for (boolean page : residency) {
            count += page ? 1 : 0;
        }
        return count;
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
