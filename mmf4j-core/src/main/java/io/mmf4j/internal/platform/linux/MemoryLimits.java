package io.mmf4j.internal.platform.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How much memory this process can still take: the least of {@code MemAvailable + SwapFree} from
 * {@code /proc/meminfo}, the commit limit's room ({@code CommitLimit - Committed_AS}, only when the kernel
 * enforces it: {@code vm.overcommit_memory = 2}) and the room left in this process's memory cgroup (v2
 * {@code memory.max - memory.current}, v1 {@code memory.limit_in_bytes - memory.usage_in_bytes}). Read afresh
 * on every call; stateless and thread-safe.
 */
final class MemoryLimits {
    private MemoryLimits() {}

    /** The bytes the machine can give now, and what limits them, e.g. "MemAvailable+SwapFree". */
    record Room(long bytes, String limitedBy) {}

    static Room available() {
        Room room = new Room(Long.MAX_VALUE, "no limit found");
        try {
            long memAvailable = -1;
            long swapFree = 0;
            long commitLimit = -1;
            long committed = -1;
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                String[] parts = line.split("\\s+");
                long kib = parts.length >= 2 ? parseOr(parts[1], -1) : -1;
                switch (parts[0]) {
                    case "MemAvailable:" -> memAvailable = kib;
                    case "SwapFree:" -> swapFree = Math.max(0, kib);
                    case "CommitLimit:" -> commitLimit = kib;
                    case "Committed_AS:" -> committed = kib;
                    default -> { }
                }
            }
            if (memAvailable >= 0) {
                room = least(room, new Room((memAvailable + swapFree) * 1024, "MemAvailable+SwapFree"));
            }
            if (commitLimit >= 0 && committed >= 0 && overcommitNever()) {
                room = least(room, new Room(Math.max(0, commitLimit - committed) * 1024, "CommitLimit-Committed_AS"));
            }
        } catch (IOException | RuntimeException unreadable) {
            // no /proc: other limits still apply
        }
        return least(room, cgroupRoom());
    }

    private static boolean overcommitNever() throws IOException {
        return Files.readString(Path.of("/proc/sys/vm/overcommit_memory")).strip().equals("2");
    }

    private static Room cgroupRoom() {
        Room room = new Room(Long.MAX_VALUE, "no cgroup limit");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] parts = line.split(":", 3);
                if (parts.length < 3) {
                    continue;
                }
                if (parts[0].equals("0") && parts[1].isEmpty()) {
                    room = least(room, cgroupRoom(List.of(Path.of("/sys/fs/cgroup", parts[2]), Path.of("/sys/fs/cgroup")),
                            "memory.max", "memory.current", "cgroup memory.max"));
                } else if (List.of(parts[1].split(",")).contains("memory")) {
                    room = least(room, cgroupRoom(List.of(Path.of("/sys/fs/cgroup/memory", parts[2]),
                            Path.of("/sys/fs/cgroup/memory")), "memory.limit_in_bytes", "memory.usage_in_bytes",
                            "cgroup memory.limit_in_bytes"));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // no cgroup information: no cgroup limit
        }
        return room;
    }

    /** The room in the first of {@code dirs} that has both files (a cgroup namespace hides the outer path). */
    private static Room cgroupRoom(List<Path> dirs, String limitFile, String usageFile, String name) throws IOException {
        for (Path dir : dirs) {
            Path limit = dir.resolve(limitFile);
            Path usage = dir.resolve(usageFile);
            if (Files.isReadable(limit) && Files.isReadable(usage)) {
                long max = parseOr(Files.readString(limit).strip(), Long.MAX_VALUE); // "max": no limit
                long used = parseOr(Files.readString(usage).strip(), 0);
                return new Room(Math.max(0, max - used), name);
            }
        }
        return new Room(Long.MAX_VALUE, "no cgroup limit");
    }

    private static long parseOr(String text, long otherwise) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static Room least(Room a, Room b) {
        return b.bytes() < a.bytes() ? b : a;
    }

    /** {@code bytes} for people: "1.0 TiB". */
    static String human(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
