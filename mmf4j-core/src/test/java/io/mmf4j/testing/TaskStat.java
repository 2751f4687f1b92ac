package io.mmf4j.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

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

    /** How often the task has gone to sleep of its own accord so far ({@code voluntary_ctxt_switches} of status). */
    public static long voluntarySwitches(Path task) throws IOException {
        for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IOException(task + "/status has no voluntary_ctxt_switches line");
    }

    /** The task of this process whose thread is named {@code comm} (as the kernel keeps it: 15 bytes at most). */
    public static Path taskNamed(String comm) throws IOException {
        String wanted = comm.length() > 15 ? comm.substring(0, 15) : comm;
        return tasks(wanted::equals).stream().findFirst()
                .orElseThrow(() -> new IOException("no thread named " + wanted + " in /proc/self/task"));
    }

    /** The tasks of this process whose thread names ({@code comm}) {@code name} accepts; threads ending meanwhile skipped. */
    public static List<Path> tasks(Predicate<String> name) throws IOException {
        List<Path> found = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (name.test(Files.readString(task.resolve("comm")).strip())) {
                        found.add(task);
                    }
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        return found;
    }

    /** The fields after "(comm)": comm may hold spaces and parentheses, so they start after the last ')'. */
    private static String[] fields(Path task) throws IOException {
        String stat = Files.readString(task.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }
}
