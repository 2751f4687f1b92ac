package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.BackendChild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Backend selection as a user meets it, in child JVMs: native access denied fails on use with one message
 * naming the flag (never an ExceptionInInitializerError), and {@code -Dmmf4j.platform=jdk} maps persisted files
 * with no native access at all, refusing named maps by feature and backend.
 */
class BackendSelectionTest {

    private static List<String> run(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(ChildJvm.command(BackendChild.class));
        command.remove("--enable-native-access=io.mmf4j");
        command.addAll(1, List.of(jvmFlags));
        Path stderr = Files.createTempFile("backend-child", ".err");
        try {
            Process child = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            child.getOutputStream().close();
            String out = new String(child.getInputStream().readAllBytes());
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("child did not finish");
            }
            assertEquals(0, child.exitValue(), out + Files.readString(stderr));
            return out.lines().toList();
        } finally {
            Files.deleteIfExists(stderr);
        }
    }

    @Test
    void deniedNativeAccessFailsOnUseNamingTheFlag() throws Exception {
        List<String> lines = run("--illegal-native-access=deny");
        assertEquals(2, lines.size(), lines.toString());
        for (String line : lines) {
            assertTrue(line.startsWith("java.lang.UnsupportedOperationException: mmf4j has no usable backend"), line);
            assertTrue(line.contains("--enable-native-access=io.mmf4j") && line.contains("ALL-UNNAMED")
                    && line.contains("-Dmmf4j.platform=jdk"), line);
        }
    }

    @Test
    void thePortableBackendMapsFilesWithoutNativeAccessAndRefusesNamedMapsByName() throws Exception {
        List<String> lines = run("--illegal-native-access=deny", "-Dmmf4j.platform=jdk");
        assertEquals("ok persisted 42", lines.get(0), lines.toString());
        assertTrue(lines.get(1).startsWith("java.lang.UnsupportedOperationException: named objects"), lines.get(1));
        assertTrue(lines.get(1).contains("jdk backend"), lines.get(1));
    }
}
