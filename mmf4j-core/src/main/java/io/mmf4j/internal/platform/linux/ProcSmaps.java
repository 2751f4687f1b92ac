package io.mmf4j.internal.platform.linux;

import io.mmf4j.vm.MemoryArea;
import io.mmf4j.vm.PageState;
import io.mmf4j.vm.Protection;
import io.mmf4j.vm.RegionType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads {@code /proc/PID/smaps} into {@link MemoryArea}s. An entry is a {@code maps} line
 * ({@code start-end perms offset dev inode [path]}) followed by {@code Key: value kB} lines and {@code VmFlags}.
 * The file is read in one go: the kernel builds each page of it under the process's mmap lock, so ranges never
 * overlap, though a live process may change between two pages of text.
 *
 * <p>Stateless; safe from any thread.
 */
final class ProcSmaps {
    private ProcSmaps() {}

    /** Every mapping of {@code pid}; {@code NoSuchFileException} if there is no such process. */
    static List<MemoryArea> read(long pid) throws IOException {
        Path file = Path.of("/proc", Long.toString(pid), "smaps");
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(reader.lines().toList());
        }
    }

    /** Parses the text of an smaps file (one list element per line). */
    static List<MemoryArea> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        Entry current = null;
        for (String line : lines) {
            if (isHeader(line)) {
                current = new Entry(line);
                entries.add(current);
            } else if (current != null) {
                current.field(line);
            }
        }
        Set<String> executableFiles = new HashSet<>();
        for (Entry entry : entries) {
            if (entry.perms.charAt(2) == 'x' && entry.path.startsWith("/")) {
                executableFiles.add(entry.path);
            }
        }
        List<MemoryArea> areas = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            areas.add(entry.toArea(executableFiles));
        }
        return areas;
    }

    /** A maps line starts with {@code hex-hex }; a field line starts with a word and a colon. */
    private static boolean isHeader(String line) {
        int dash = line.indexOf('-');
        int space = line.indexOf(' ');
        return dash > 0 && space > dash && line.charAt(0) != ' ' && Character.digit(line.charAt(0), 16) >= 0
                && !line.substring(0, space).contains(":");
    }

    static OptionalLong hugePageSize() {
        Long kb = meminfo().get("Hugepagesize");
        return kb == null ? OptionalLong.empty() : OptionalLong.of(kb * 1024);
    }

    static String hugePageSummary() {
        Map<String, Long> info = meminfo();
        return "HugePages_Total " + info.get("HugePages_Total") + ", HugePages_Free " + info.get("HugePages_Free");
    }

    private static Map<String, Long> meminfo() {
        Map<String, Long> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                int colon = line.indexOf(':');
                String[] value = line.substring(colon + 1).trim().split("\\s+");
                values.put(line.substring(0, colon), Long.parseLong(value[0]));
            }
        } catch (IOException | RuntimeException e) {
            // no /proc/meminfo or a line we do not understand: report what we have
        }
        return values;
    }

    private static final class Entry {
        final long start;
        final long end;
        final String perms;
        final long fileOffset;
        final String device;
        final long inode;
        final String path;
        final Map<String, Long> kb = new HashMap<>();
        Set<String> flags = Set.of();

        Entry(String line) {
            String[] parts = line.trim().split("\\s+", 6);
            int dash = parts[0].indexOf('-');
            start = Long.parseUnsignedLong(parts[0].substring(0, dash), 16);
            end = Long.parseUnsignedLong(parts[0].substring(dash + 1), 16);
            perms = parts[1];
            fileOffset = Long.parseUnsignedLong(parts[2], 16);
            device = parts.length > 3 ? parts[3] : "00:00";
            inode = parts.length > 4 ? Long.parseLong(parts[4]) : 0;
            path = parts.length > 5 ? parts[5].trim() : "";
        }

        void field(String line) {
            if (line.startsWith("VmFlags:")) {
                flags = Set.copyOf(java.util.Arrays.stream(line.substring("VmFlags:".length()).trim().split("\\s+"))
                        .filter(flag -> !flag.isEmpty()).toList());
                return;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.endsWith(" kB")) {
                return; // VmFlags, THPeligible and other non-size fields
            }
            String value = line.substring(colon + 1, line.length() - 3).trim();
            try {
                kb.put(line.substring(0, colon), Long.parseLong(value));
            } catch (NumberFormatException e) {
                // a field this parser does not know the shape of
            }
        }

        long bytes(String key) {
            return kb.getOrDefault(key, 0L) * 1024;
        }

        MemoryArea toArea(Set<String> executableFiles) {
            boolean shared = perms.charAt(3) == 's';
            Protection protection = protection(perms);
            RegionType type = type(shared, executableFiles);
            boolean anonymous = path.isEmpty() || path.startsWith("[anon:");
            PageState state = protection == Protection.NO_ACCESS && !shared && anonymous && bytes("Rss") == 0
                    ? PageState.RESERVED : PageState.COMMITTED;
            return new MemoryArea(start, end, state, protection, shared, type,
                    path.isEmpty() ? Optional.empty() : Optional.of(path), fileOffset, bytes("Rss"), bytes("Pss"),
                    bytes("Private_Dirty"), bytes("Shared_Dirty"), bytes("Private_Clean"), bytes("Shared_Clean"),
                    bytes("Swap"), bytes("Locked"), bytes("Pss_Dirty"), device, inode, flags);
        }

        private RegionType type(boolean shared, Set<String> executableFiles) {
            if (path.equals("[heap]")) {
                return RegionType.HEAP;
            }
            if (path.startsWith("[stack")) {
                return RegionType.STACK;
            }
            if (path.equals("[vdso]") || path.equals("[vsyscall]")) {
                return RegionType.IMAGE;
            }
            if (path.startsWith("[vvar") || path.startsWith("/dev/shm/") || path.startsWith("/memfd:")
                    || path.startsWith("/SYSV") || path.startsWith("/dev/zero") || path.startsWith("[anon_shmem")) {
                return RegionType.SHAREABLE;
            }
            if (path.startsWith("/")) {
                return executableFiles.contains(path) ? RegionType.IMAGE : RegionType.MAPPED_FILE;
            }
            return shared ? RegionType.SHAREABLE : RegionType.PRIVATE_DATA;
        }

        /** x86_64 has no write-only or execute-only-with-write pages: write implies read. */
        private static Protection protection(String perms) {
            boolean read = perms.charAt(0) == 'r';
            boolean write = perms.charAt(1) == 'w';
            boolean execute = perms.charAt(2) == 'x';
            if (execute) {
                return write ? Protection.EXECUTE_READ_WRITE : read ? Protection.EXECUTE_READ : Protection.EXECUTE;
            }
            return write ? Protection.READ_WRITE : read ? Protection.READ_ONLY : Protection.NO_ACCESS;
        }
    }
}
