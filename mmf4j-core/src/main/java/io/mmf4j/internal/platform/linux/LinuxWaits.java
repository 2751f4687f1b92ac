package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.ffi.linux.Futex;
import io.mmf4j.internal.platform.WaitPlatform;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/** {@link WaitPlatform} over futex(2) on shared (not private) words. Stateless and thread-safe. */
final class LinuxWaits implements WaitPlatform {

    @Override
    public boolean awaitChange(MemorySegment word, int expected, long timeoutNanos) throws IOException {
        return Futex.await(word, expected, timeoutNanos) != Futex.TIMED_OUT;
    }

    @Override
    public void wake(MemorySegment word, int count) throws IOException {
        Futex.wake(word, count);
    }
}
