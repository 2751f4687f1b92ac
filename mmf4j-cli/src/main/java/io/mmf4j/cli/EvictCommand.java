package io.mmf4j.cli;

import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.util.Locale;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/**
 * {@code mmf evict FILE...}: drops files from the page cache (the view's evict: MADV_PAGEOUT, then
 * POSIX_FADV_DONTNEED on the file), so the next read comes from the disk — for cold-cache measurements.
 * Pages that are dirty, locked or mapped by other processes may stay; the report says how many did.
 */
@Command(name = "evict", mixinStandardHelpOptions = true,
        description = {"Drops files from the page cache (MADV_PAGEOUT + posix_fadvise DONTNEED).",
                "Pages other processes have mapped or locked, and files on tmpfs, may stay."})
final class EvictCommand extends CacheCommand {
    @Override
    String verb() {
        return "evict";
    }

    @Override
    String done() {
        return "evicted";
    }

    /** Says how many pages left the cache; none is not "evicted" (tmpfs, locked, mapped or dirty pages stay). */
    @Override
    String report(Path file, long size, long nanos, int before, int after, int pages) {
        int gone = Math.max(0, before - after);
        if (gone == 0) {
            return String.format(Locale.ROOT, "evict %s: nothing left the page cache; %d of %s stayed in memory%s",
                    file, after, Sizes.count(pages, "page"), after == 0 ? " (none was cached)"
                            : " (tmpfs files, locked pages and pages other processes map or dirty stay)");
        }
        return String.format(Locale.ROOT, "evicted %s: %d of %s (%s) in %s; in memory: %s -> %s of %s", file,
                gone, Sizes.count(pages, "page"), Sizes.human(Math.min(size, gone * VirtualMemory.pageSize())),
                Sizes.duration(nanos), ResidencyCommand.percent(before, pages), ResidencyCommand.percent(after, pages),
                Sizes.count(pages, "page"));
    }

    @Override
    void apply(CachedFile file, Progress progress) throws IOException {
        file.evict(progress);
    }
}
