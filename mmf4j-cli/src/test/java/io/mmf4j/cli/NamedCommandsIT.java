package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * create, ls, dump and write on named maps, run as the real command. Each test uses a namespace of its own ({@code --namespace DIR})
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

    @Test
    void createHoldsAMapThatOthersListDumpAndWriteUntilItLetsGo() throws Exception {
        String ns = dir.resolve("ns").toString();
        Process create = MmfProcess.start("create", "--namespace", ns, "board", "4K");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(create.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("created map 'board' (4.0 KiB) in " + ns, out.readLine());
            assertTrue(out.readLine().startsWith("holding it until stdin closes"));

            List<String> ls = MmfProcess.run("ls", "--namespace", ns).exits(0).out().lines().toList();
            assertEquals(3, ls.size(), String.join("\n", ls));
            assertTrue(ls.get(1).matches("board +map +4\\.0 KiB +1  pid " + create.pid() + " \\(uid 0\\) .*"), ls.get(1));
            String json = MmfProcess.run("ls", "--json", "--namespace", ns).exits(0).out();
            assertTrue(json.contains("{\"name\": \"board\", \"kind\": \"map\", \"capacity\": 4096, \"holders\": 1, "
                    + "\"creatorPid\": " + create.pid() + ","), json);

            MmfProcess.runWithInput("hello, map".getBytes(StandardCharsets.US_ASCII), "write", "--namespace", ns, "board",
                    "--offset", "0x10").exits(0);
            assertEquals(List.of("00000010: 6865 6c6c 6f2c 206d 6170                 hello, map"),
                    MmfProcess.run("dump", "--namespace", ns, "board", "-s", "16", "-l", "10").exits(0).out().lines().toList());
            MmfProcess.run("dump", "--namespace", ns, "board", "--offset", "-16").failsWithOneLine(2, "negative");
            MmfProcess.run("dump", "--namespace", ns, "board", "--offset", "8K").failsWithOneLine(1, "past the end of map 'board'");
            MmfProcess.run("create", "--namespace", ns, "board", "4K").failsWithOneLine(1, "'board' already exists");
        } finally {
            create.getOutputStream().close(); // create's signal to let go
            assertEquals(0, create.waitFor());
        }
        assertEquals(List.of("no named objects in " + ns), MmfProcess.run("ls", "--namespace", ns).exits(0).out().lines().toList(),
                "the name goes away with its last holder");
        MmfProcess.run("dump", "--namespace", ns, "board").failsWithOneLine(1, "no such file or named map: board");
    }

    @Test
    void createRefusesBadSizes() throws Exception {
        String ns = dir.resolve("ns").toString();
        MmfProcess.run("create", "--namespace", ns, "x", "12Q").failsWithOneLine(2, "'12Q' is not a size");
        MmfProcess.run("create", "--namespace", ns, "x", "0").failsWithOneLine(2, "greater than zero");
        MmfProcess.run("create", "--namespace", ns, "--", "x", "-4K").failsWithOneLine(2, "negative");
        MmfProcess.run("create", "--namespace", ns, "x", "-4K").failsWithOneLine(2, "SIZE"); // -4K reads as an option
    }

    @Test
    void rmTakesTheNameAwayAtOnceWhileTheHolderKeepsItsMap() throws Exception {
        String ns = dir.resolve("ns").toString();
        Process create = MmfProcess.start("create", "--namespace", ns, "board", "4K");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(create.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("created map 'board' (4.0 KiB) in " + ns, out.readLine());
            assertTrue(out.readLine().startsWith("holding it until stdin closes"));
            MmfProcess.runWithInput("old".getBytes(StandardCharsets.US_ASCII), "write", "--namespace", ns, "board").exits(0);

            assertEquals(List.of("removed 'board' from " + ns + "; processes holding it keep its memory until they close"),
                    MmfProcess.run("rm", "--namespace", ns, "board").exits(0).out().lines().toList());
            assertEquals(List.of("no named objects in " + ns),
                    MmfProcess.run("ls", "--namespace", ns).exits(0).out().lines().toList(), "gone at once, though held");
            MmfProcess.run("rm", "--namespace", ns, "board").failsWithOneLine(1, "no named object 'board' in " + ns);
            MmfProcess.run("dump", "--namespace", ns, "board").failsWithOneLine(1, "no such file or named map: board");

            Process again = MmfProcess.start("create", "--namespace", ns, "board", "4K"); // the name is free at once
            try {
                BufferedReader againOut = new BufferedReader(new InputStreamReader(again.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("created map 'board' (4.0 KiB) in " + ns, againOut.readLine());
                againOut.readLine();
                create.getOutputStream().close(); // the old holder lets go: the new map must stay
                assertEquals(0, create.waitFor());
                List<String> ls = MmfProcess.run("ls", "--namespace", ns).exits(0).out().lines().toList();
                assertTrue(ls.size() == 3 && ls.get(1).matches("board +map +4\\.0 KiB +1  pid " + again.pid() + " .*"),
                        String.join("\n", ls));
                assertEquals(List.of("00000000: 0000 0000                                ...."),
                        MmfProcess.run("dump", "--namespace", ns, "board", "-l", "4").exits(0).out().lines().toList(),
                        "the new map is new: zeros, not the old one's bytes");
            } finally {
                again.getOutputStream().close();
                assertEquals(0, again.waitFor());
            }
        } finally {
            create.getOutputStream().close();
            create.waitFor();
        }
        MmfProcess.run("rm", "--namespace", ns, "never").failsWithOneLine(1, "no named object 'never'");
        MmfProcess.run("rm", "--namespace", ns).failsWithOneLine(2, "NAME");
        MmfProcess.run("rm", "--global", "--namespace", ns, "x").failsWithOneLine(2, "mutually exclusive");
    }
}
