package io.mmf4j.internal.platform.jdk;

import io.mmf4j.internal.platform.ProcessPlatform;
import java.time.Instant;

/** {@link ProcessPlatform} over {@link ProcessHandle}; it has no user ids. Thread-safe. */
final class JdkProcesses implements ProcessPlatform {
    private final String why;

    JdkProcesses(String why) {
        this.why = why;
    }

    @Override
    public long processId() {
        return ProcessHandle.current().pid();
    }

    @Override
    public long processStartStamp(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().startInstant().map(Instant::toEpochMilli).orElse(0L)).orElse(-1L);
    }

    @Override
    public int userId() {
        throw JdkPlatform.unsupported("user ids (per-user namespaces)", why);
    }
}
