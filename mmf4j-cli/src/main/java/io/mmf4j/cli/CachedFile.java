package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.vm.VirtualMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A file mapped read-only for the vmtouch-style commands, walked in windows of at most {@link #WINDOW} bytes
 * so that a file larger than the address space a view should take is still handled. Each window is one view:
 * residency (mincore), prefetch (WILLNEED) and evict go through the library's view API.
 * Not thread-safe; close it when done.
 */
final class CachedFile implements AutoCloseable {
    /** Windows are whole pages on every page size (a power of two far above any page). */
    static final long WINDOW = 256L << 20;
    /** Touching one byte per page brings every page in. */
    static final long TOUCH_STRIDE = VirtualMemory.pageSize();
    /** File systems whose files are generated on read and never cached. */
    private static final Set<String> PSEUDO_FILE_SYSTEMS = Set.of("proc", "sysfs", "debugfs", "tracefs", "cgroup2",
            "cgroup", "securityfs", "configfs", "bpf", "pstore");

    private final Path path;
    private final long fileSize;
    private final long start;
    private final long end;
    private final MemoryMappedFile map;
    private final List<MemoryMappedViewAccessor> locked = new ArrayList<>();

    private CachedFile(Path path, long fileSize, long start, long end, MemoryMappedFile map) {
        this.path = path;
        this.fileSize = fileSize;
        this.start = start;
        this.end = end;
        this.map = map;
    }

    static CachedFile open(Path path) throws IOException, CliException {
        return open(path, ByteRange.ALL);
    }

    /**
     * Opens {@code range} of the file, widened to whole pages (the cache holds pages, as vmtouch counts them) and
     * clipped to the file.
     */
    static CachedFile open(Path path, ByteRange range) throws IOException, CliException {
        if (Files.isDirectory(path)) {
            throw new CliException(path + " is a directory, not a file");
        }
        long size = Files.size(path); // NoSuchFileException names the file
        if (!Files.isRegularFile(path)) {
            throw new CliException(path + " is not a regular file (a device, FIFO or socket): it has no pages in the"
                    + " page cache");
        }
        String store = Files.getFileStore(path).type();
        if (PSEUDO_FILE_SYSTEMS.contains(store)) {
            throw new CliException(path + " is on " + store + ", whose files are made when read: they have no pages"
                    + " in the page cache");
        }
        // An empty file cannot be mapped (capacity 0 means "the file's size"), and has no pages to report.
        long page = VirtualMemory.pageSize();
        long start = range.start(size) / page * page;
        long end = Math.min(size, (range.end(size) + page - 1) / page * page);
        MemoryMappedFile map = end <= start ? null
                : MemoryMappedFile.createFromFile(path, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
        return new CachedFile(path, size, start, end, map);
    }

    Path path() {
        return path;
    }

    /** The bytes of the file in the range worked on. */
    long size() {
        return end - start;
    }

    /** The whole file's size. */
    long fileSize() {
        return fileSize;
    }

    /** The range worked on: its first byte (a page boundary) and the byte after its last. */
    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** The view over window {@code [offset, offset + WINDOW)} of the range, clipped to its end. */
    MemoryMappedViewAccessor window(long offset) throws IOException {
        return map.createViewAccessor(offset, Math.min(WINDOW, end - offset), MemoryMappedFileAccess.READ);
    }

    /** What the commands say of a file whose residency {@link #residencyKnown()} says the kernel hides. */
    static final String RESIDENCY_UNKNOWN = "residency unknown: the kernel tells it only to the file's owner or to who"
            + " may write it";

    /**
     * Whether the kernel tells this process the truth about the file's residency. mincore answers for a file
     * mapping only to the file's owner, to a process that may write the file, or to one with CAP_FOWNER; to any
     * other it reports every page resident (Linux 5.0, "make mincore() more conservative"), so its answer is noise.
     */
    boolean residencyKnown() throws IOException {
        if (Files.isWritable(path)) {
            return true;
        }
        Object owner = Files.getAttribute(path, "unix:uid");
        Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid"); // this process's effective uid
        return owner.equals(self) || self.equals(0);
    }

    /** Residency of every page of the file, in order. */
    boolean[] residency() throws IOException {
        if (map == null) {
            return new boolean[0];
        }
        boolean[][] parts = new boolean[(int) ((size() + WINDOW - 1) / WINDOW)][];
        int pages = 0;
        for (int i = 0; i < parts.length; i++) {
            try (MemoryMappedViewAccessor view = window(start + i * WINDOW)) {
                parts[i] = view.residency();
                pages += parts[i].length;
            }
        }
        boolean[] all = new boolean[pages];
        int at = 0;
        for (boolean[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Brings the file into the page cache: WILLNEED on a window, then a read of every page of it. */
    long load(Progress progress) throws IOException {
        long checksum = 0; // returned so the reads cannot be optimised away
        for (long offset = start; offset < end; offset += WINDOW) {
            try (MemoryMappedViewAccessor view = window(offset)) {
                view.prefetch();
                long length = view.capacity();
                long step = 16L << 20;
                for (long from = 0; from < length; from += step) {
                    long to = Math.min(length, from + step);
                    for (long p = from; p < to; p += TOUCH_STRIDE) {
                        checksum += view.getByte(p);
                    }
                    progress.advance(to - from);
                }
            }
        }
        return checksum;
    }

    /** Drops the file's pages from the page cache, window by window. */
    void evict(Progress progress) throws IOException {
        for (long offset = start; offset < end; offset += WINDOW) {
            try (MemoryMappedViewAccessor view = window(offset)) {
                view.evict();
                progress.advance(view.capacity());
            }
        }
    }

    /**
     * Locks the range in memory, window by window; the views stay open (and the pages locked) until
     * {@link #close()}. Over the locked-memory limit the IOException says so and nothing stays locked.
     */
    void lock(Progress progress) throws IOException {
        for (long offset = start; offset < end; offset += WINDOW) {
            MemoryMappedViewAccessor view = window(offset);
            try {
                view.lock();
            } catch (IOException | RuntimeException e) {
                view.close();
                throw e;
            }
            locked.add(view);
            progress.advance(view.capacity());
        }
    }

    @Override
    public void close() throws IOException {
        for (MemoryMappedViewAccessor view : locked) {
            view.close();
        }
        locked.clear();
        if (map != null) {
            map.close();
        }
    }
}
