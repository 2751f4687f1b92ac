package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The .NET three-process example end to end: this JVM is process A, B and C are real child JVMs. */
class ThreeProcessExampleTest {

    @Test
    void theThreeProcessesSeeEachOthersWrites() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            ThreeProcessExample.run(out);
        }
        String output = bytes.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(output.contains("Process A says: True\nProcess B says: False\nProcess C says: True\n"), output);
        assertTrue(output.contains("Process B: holding the mutex, wrote False at offset 1"), output);
        assertTrue(output.contains("Process C: holding the mutex, wrote True at offset 2"), output);
    }
}
