package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ls on named objects, run as the real command. Each test uses a namespace of its own ({@code --namespace DIR})
 * so that it never sees, or disturbs, maps of other tests or of the user.
 */
class NamedCommandsIT {
    @TempDir
    Path dir;

    @Test
    void lsOfAnEmptyNamespaceSaysSo() throws Exception {
        Path namespace = dir.resolve("ns");
        assertEquals(List.of("no named objects in " + namespace),
                MmfProcess.run("ls", "--namespace", namespace.toString()).exits(0).out().lines().toList());
        String json = MmfProcess.run("ls", "--json", "--namespace", namespace.toString()).exits(0).out();
        assertEquals("{\n  \"namespace\": \"" + namespace + "\",\n  \"objects\": []\n}\n", json);
        assertTrue(Files.isDirectory(namespace));
    }

    @Test
    void lsRefusesTwoNamespacesAtOnce() throws Exception {
        MmfProcess.run("ls", "--global", "--namespace", dir.toString()).failsWithOneLine(2, "mutually exclusive");
    }
}
