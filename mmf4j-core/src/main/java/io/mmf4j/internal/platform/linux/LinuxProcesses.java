package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Unistd;
import io.mmf4j.internal.platform.ProcessPlatform;

/** {@link ProcessPlatform} over getpid, geteuid and /proc/PID/stat. Stateless and thread-safe. */
final class LinuxProcesses implements ProcessPlatform {

    @Override
    public long processId() {
        return Unistd.getpid();
    }

    @Override
    public long processStartStamp(long pid) {
        return ProcStat.startTime(pid);
    }

    @Override
    public int userId() {
        return Unistd.geteuid();
    }
}
