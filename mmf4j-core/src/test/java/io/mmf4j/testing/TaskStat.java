package io.mmf4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One thread's line of {@code /proc}: {@code stat} of a task directory ({@code /proc/thread-self},
 * {@code /proc/self/task/TID}), for tests that must know whether a thread sleeps or how much CPU it used.
 * Stateless.
 */
public final class TaskStat {
    /** Fields 14 and 15 of stat (utime, stime), counted from field 3 (state), the first after "(comm)". */
    private static final int UTIME_INDEX = 11;
    private static final int STIME_INDEX = 12;
    /** USER_HZ, the unit of utime and stime: 100 on Linux. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private TaskStat() {}

    /** The task's state letter: R running, S asleep, D in uninterruptible sleep, Z zombie, ... */
    public static char state(Path task) throws IOException {
        return fields(task)[0].charAt(0);
    }

    /** The task's user + system CPU time so far, in nanoseconds (counted in 10 ms ticks). */
    public static long cpuNanos(Path task) throws IOException {
        String[] fields = fields(task);
        return (Long.parseLong(fields[UTIME_INDEX]) + Long.parseLong(fields[STIME_INDEX])) * TICK_NANOS;
    }

    /** The fields after "(comm)": comm may hold spaces and parentheses, so they start after the last ')'. */
    private static String[] fields(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
