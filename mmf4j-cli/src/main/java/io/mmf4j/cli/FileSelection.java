package io.mmf4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The files that {@code residency}, {@code load}, {@code evict} and {@code lock} work on, chosen as vmtouch chooses
 * them: paths that are files or folders (a folder stands for every file below it), a size limit ({@code -m}),
 * name patterns to include and exclude ({@code -I}, {@code -i}), staying on one file system ({@code -F}), following
 * symbolic links or not ({@code -f}), and a byte range of each file ({@code -p}). A picocli mixin.
 */
final class FileSelection {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Files, or folders: a folder stands for every file below it.")
    List<Path> paths;

    @Option(names = "--max-size", paramLabel = "SIZE", converter = Sizes.Size.class,
            description = "Skip files larger than SIZE (e.g. 100M), as vmtouch -m.")
    Long maxSize;

    @Option(names = "--include", paramLabel = "GLOB", description = "Only files whose name matches GLOB (repeatable; vmtouch -I).")
    List<String> include = List.of();

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip files and folders whose name matches GLOB (repeatable; vmtouch -i).")
    List<String> exclude = List.of();

    @Option(names = "--one-file-system", description = "Do not cross into other file systems below a folder (vmtouch -F).")
    boolean oneFileSystem;

    @Option(names = "--follow", description = "Follow symbolic links to folders (vmtouch -f); files behind links are always read.")
    boolean follow;

    @Option(names = "--range", paramLabel = "FROM-TO", converter = ByteRange.Converter.class,
            description = "Only bytes FROM (inclusive) to TO (exclusive) of each file, e.g. 4K-1M or 0-64K (vmtouch -p); either end may be left out.")
    ByteRange range = ByteRange.ALL;

    /** The files chosen, in command-line order and then in path order below each folder. */
    List<Path> files() throws IOException {
        List<PathMatcher> includes = matchers(include);
        List<PathMatcher> excludes = matchers(exclude);
        List<Path> chosen = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                chosen.add(path); // a file named on the command line is always tried, so a bad one is reported
                continue;
            }
            FileStore home = Files.getFileStore(path);
            Set<FileVisitOption> options = follow ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
            try (Stream<Path> below = Files.walk(path, Integer.MAX_VALUE, options.toArray(FileVisitOption[]::new))) {
                below.filter(p -> Files.isRegularFile(p))
                        .filter(p -> !matchesAnyPart(excludes, path, p))
                        .filter(p -> includes.isEmpty() || matches(includes, p.getFileName()))
                        .filter(p -> !oneFileSystem || sameStore(home, p))
                        .filter(p -> maxSize == null || size(p) <= maxSize)
                        .sorted()
                        .forEach(chosen::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return chosen;
    }

    private static List<PathMatcher> matchers(List<String> globs) {
        return globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
    }

    private static boolean matches(List<PathMatcher> matchers, Path name) {
        return matchers.stream().anyMatch(m -> m.matches(name));
    }

    /** An excluded folder excludes everything below it. */
    private static boolean matchesAnyPart(List<PathMatcher> matchers, Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (matches(matchers, part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameStore(FileStore home, Path file) {
        try {
            return Files.getFileStore(file).equals(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
