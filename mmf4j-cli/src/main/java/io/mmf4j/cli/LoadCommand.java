package io.mmf4j.cli;

import java.io.IOException;
import picocli.CommandLine.Command;

/**
 * {@code mmf load FILE...}: brings files into the page cache — WILLNEED on each window of the file, then a read
 * of every page so that the data really is in memory when the command ends. A progress bar appears when it
 * takes more than a second; the throughput is printed at the end.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Brings files into the page cache (madvise WILLNEED, then touches every page).")
final class LoadCommand extends CacheCommand {
    /** The sum of the bytes read: a field, so that no compiler can drop the reads that bring pages in. */
    volatile long checksum;

    @Override
    String verb() {
        return "load";
    }

    @Override
    String done() {
        return "loaded";
    }

    @Override
    void apply(CachedFile file, Progress progress) throws IOException {
        checksum = file.load(progress); // kept, so the reads cannot be optimised away
    }
}
