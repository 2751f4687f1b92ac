package io.mmf4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.OwnerWordChild;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The thread part of an owner word differs between processes: a process that reuses a dead owner's pid with the
 * same 8 start bits (1 in 256) must not also draw the dead owner's thread token, or it would take the held mutex
 * for a re-entrant hold of its own and never free it. Every process's first thread drew token 1 before.
 */
class OwnerWordTest {
    @Test
    void theMainThreadsOfTwoProcessesHaveDifferentThreadTokens() throws Exception {
        long a = ownerWordOfAChild();
        long b = ownerWordOfAChild();
        assertNotEquals(a & 0xFFFFFF, b & 0xFFFFFF, "thread tokens " + Long.toHexString(a) + " and " + Long.toHexString(b)
                + " (a 1 in 2^24 chance of a false failure)");
    }

    /** The owner word a child JVM's main thread has (the child reads it from the internal sync package). */
    private static long ownerWordOfAChild() throws Exception {
        List<String> command = new ArrayList<>(ChildJvm.command(OwnerWordChild.class));
        command.add(1, "--add-exports=io.mmf4j/io.mmf4j.internal.sync=ALL-UNNAMED");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not end");
        assertEquals(0, child.exitValue(), out);
        return Long.parseUnsignedLong(out, 16);
    }
}
