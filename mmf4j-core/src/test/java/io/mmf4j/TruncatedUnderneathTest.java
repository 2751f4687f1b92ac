package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.TruncatedFileChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Another process truncates a file under a live view: access throws, the JVM lives on. */
class TruncatedUnderneathTest {

    @Test
    void truncationByAnotherProcessNeverCrashesTheJvm(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("shrinking.bin");
        Files.write(file, new byte[1 << 20]);
        Path stderr = dir.resolve("child.err");
        Process child = ChildJvm.start(stderr, TruncatedFileChild.class, file.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            assertEquals("mapped " + (1 << 20), out.readLine());
            Process truncate = new ProcessBuilder("truncate", "-s", "0", file.toString()).start();
            assertEquals(0, truncate.waitFor());
            String last = out.readLine();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child still running");
            assertTrue(last != null && last.startsWith("survived"),
                    "child did not survive: " + last + "\n" + Files.readString(stderr));
            assertEquals(0, child.exitValue(), Files.readString(stderr));
        } finally {
            child.destroyForcibly();
        }
    }
}
