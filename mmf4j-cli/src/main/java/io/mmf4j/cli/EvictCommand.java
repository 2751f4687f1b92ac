package io.mmf4j.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mmf evict FILE...}: drops files from the page cache (the view's evict: MADV_PAGEOUT, then
 * POSIX_FADV_DONTNEED on the file), so the next read comes from the disk — for cold-cache measurements.
 * Pages that are dirty, locked or mapped by other processes may stay; the report says how many did.
 */
@Command(name = "evict", mixinStandardHelpOptions = true,
        description = {"Drops files from the page cache (MADV_PAGEOUT + posix_fadvise DONTNEED).",
                "Pages other processes have mapped or locked, and files on tmpfs, may stay."})
final class EvictCommand extends CacheCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to evict.")
    List<Path> files;

    @Override
    List<Path> files() {
        return files;
    }

    @Override
    String verb() {
        return "evict";
    }

    @Override
    String done() {
        return "evicted";
    }

    @Override
    void apply(CachedFile file, Progress progress) throws IOException {
        file.evict(progress);
    }
}
