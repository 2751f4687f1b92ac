package io.mmf4j.internal.platform;

/** The process capability: who this process is, and whether another one still runs. Thread-safe. */
public interface ProcessPlatform {

    /** The id of this process. */
    long processId();

    /**
     * A stamp of when process {@code pid} started (e.g. clock ticks since boot), which tells a live process from
     * a later one that reuses its id; {@code -1} when no such process runs (a zombie counts as gone).
     */
    long processStartStamp(long pid);

    /** The id of the user this process acts as (the effective uid on POSIX). */
    int userId();
}
