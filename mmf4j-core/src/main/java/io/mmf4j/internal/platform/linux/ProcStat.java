package io.mmf4j.internal.platform.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code /proc/<pid>/stat}: whether a process runs, and its start time (clock ticks after boot), which
 * tells it apart from a later process that reuses the same id. Stateless and thread-safe.
 */
final class ProcStat {
    /** Fields after the "(comm)" field: index 0 is field 3 (state), so field 22 (starttime) is index 19. */
    private static final int STATE_INDEX = 0;
    private static final int START_TIME_INDEX = 19;

    private ProcStat() {}

    /** The start time of {@code pid}, or -1 when it does not run or is a zombie (dead, not yet reaped). */
    static long startTime(long pid) {
        if (pid <= 0) {
            return -1;
        }
        String stat;
        try {
            stat = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "stat")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return -1; // no such process (or /proc hides it, which for our own user's processes it does not)
        }
        // comm may hold spaces and parentheses: the fields that follow start after the last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = stat.substring(close + 1).trim().split(" ");
        if (fields.length <= START_TIME_INDEX) {
            return -1;
        }
        String state = fields[STATE_INDEX];
        if (state.equals("Z") || state.equals("X") || state.equals("x")) {
            return -1;
        }
        try {
            return Long.parseLong(fields[START_TIME_INDEX]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
