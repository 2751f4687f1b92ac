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
    /** Field 9, the kernel's task flags. */
    private static final int FLAGS_INDEX = 6;
    /** PF_EXITING (include/linux/sched.h): set as the task starts to exit, e.g. the moment SIGKILL lands. */
    private static final long PF_EXITING = 0x4;
    private static final int START_TIME_INDEX = 19;

    private ProcStat() {}

    /**
     * The start time of {@code pid}, or -1 when it does not run, is a zombie (dead, not yet reaped), or is exiting.
     * A killed JVM takes a while to tear down its memory and threads (hundreds of ms on a busy machine); its main
     * thread is marked exiting from the start of that, and can run no more Java code, so it counts as gone.
     */
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
            if ((Long.parseLong(fields[FLAGS_INDEX]) & PF_EXITING) != 0) {
                return -1;
            }
            return Long.parseLong(fields[START_TIME_INDEX]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
