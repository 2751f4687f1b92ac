package io.mmf4j.heap;

import static org.junit.jupiter.api.Assertions.*;

import io.mmf4j.SharedNamespace;
import io.mmf4j.testing.child.SharedHeapChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash tests' log reader against logs as a kill -9 leaves them: a SIGKILL that lands inside a write(2) which
 * crosses a page boundary of the log file ends the write at that boundary, so the last line can stop in the middle
 * of the tag of a completed allocation ("A h size" and some of the tag's digits: four fields).
 */
class CrashLogTest {
    private static final long PAGE = 4096;
    private static final long TAG = -4_611_686_018_427_387_917L;
    private Path dir;

    @TempDir
    Path files;

    @BeforeEach
    void namespace() throws IOException {
        dir = SharedHeapTesting.freshNamespace();
    }

    @AfterEach
    void cleanUp() throws IOException {
        SharedHeapTesting.delete(dir);
    }

    /** A log of READY, filler lines, then {@code last} placed so that it crosses the first page boundary. */
    private static String acrossPage(String last) {
        StringBuilder log = new StringBuilder("READY\n");
        while (log.length() + 2 * last.length() < PAGE) {
            log.append("N n1 999999\n");
        }
        log.append("x".repeat((int) (PAGE - log.length() - last.length() / 2 - 1))).append('\n');
        log.append(last);
        assertTrue(log.length() - last.length() < PAGE && log.length() > PAGE);
        return log.toString();
    }

    @Test
    void aLineTheKillCutAtAPageBoundaryIsNoCompletedCall() throws IOException {
        try (SharedHeap heap = SharedHeap.createNew(SharedNamespace.at(dir), "log", 1 << 20)) {
            long handle = heap.allocate(120);
            SharedHeapChild.fill(heap.segment(handle), TAG);
            String log = acrossPage("A " + handle + " 120 " + TAG + "\n");
            Path cut = files.resolve("cut.out");
            Files.writeString(cut, log.substring(0, (int) PAGE)); // the write stopped at the page boundary
            String cutText = Files.readString(cut);
            String[] f = cutText.substring(cutText.lastIndexOf('\n') + 1).split(" ");
            assertEquals(4, f.length, "the cut leaves four fields");
            assertTrue(f[3].length() > 1 && Long.toString(TAG).startsWith(f[3]) && !f[3].equals(Long.toString(TAG)),
                    "and the first digits of the tag: " + f[3]);

            CrashLog crashLog = new CrashLog();
            crashLog.read(cut);
            // A reader that took the cut line for a completed call failed here as the CI run of issue 13 did:
            // "bytes of block H ==> expected: <true> but was: <false>" (the block holds the whole tag's pattern).
            crashLog.checkAndFree(heap);
            assertEquals(120, heap.sizeOf(handle), "not freed: leaked, as any block allocated but not yet logged");

            Path whole = files.resolve("whole.out");
            Files.writeString(whole, log);
            crashLog.read(whole);
            assertArrayEquals(new long[] {120, TAG}, crashLog.live.get(handle));
            crashLog.checkAndFree(heap);
            assertTrue(heap.validate());
            assertEquals(0, heap.summary().allocated());
        }
    }

    @Test
    void aCompletedLineThatIsNotWholeFailsTheTest() throws IOException {
        Path broken = files.resolve("broken.out");
        Files.writeString(broken, "READY\nA 4096 12\n");
        assertThrows(AssertionError.class, () -> new CrashLog().read(broken));
    }
}
