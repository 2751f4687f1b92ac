package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command skeleton: help everywhere, usage errors exit 2 in one line, --verbose adds the stack trace. */
class CommandLineIT {

    @Test
    void everyCommandHasHelp() throws Exception {
        MmfProcess.Result top = MmfProcess.run("--help").exits(0);
        List<String> commands = List.of("demo", "walk", "ls", "create", "rm", "dump", "write", "residency", "load", "evict", "bench",
                "completion");
        for (String command : commands) {
            assertTrue(top.out().contains("  " + command + " "), () -> command + " missing from\n" + top.out());
        }
        // each command's summary in the list is a whole sentence, not the first line of a longer one
        String list = top.out().substring(top.out().indexOf("Commands:"), top.out().indexOf("Exit codes:"));
        for (String entry : list.split("\n(?=  [a-z])")) {
            if (entry.startsWith("  ")) {
                assertTrue(entry.strip().endsWith("."), () -> "summary cut mid-sentence: " + entry);
            }
        }
        for (String command : commands) {
            MmfProcess.Result help = MmfProcess.run(command, "--help").exits(0);
            assertTrue(help.out().startsWith("Usage: mmf " + command), help.out());
        }
    }

    @Test
    void versionIsTheBuildsVersion() throws Exception {
        String version = System.getProperty("mmf4j.test.version");
        assertTrue(version != null && !version.isBlank(), "the build passes mmf4j.test.version");
        assertEquals("mmf " + version, MmfProcess.run("--version").exits(0).out().strip());
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        MmfProcess.run("frobnicate").failsWithOneLine(2, "frobnicate");
    }

    @Test
    void verboseAddsTheStackTraceToAFailure(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("missing").toString();
        MmfProcess.run("residency", missing).failsWithOneLine(1, "no such file");
        MmfProcess.Result verbose = MmfProcess.run("dump", "--verbose", missing).exits(1);
        assertTrue(verbose.err().lines().count() > 3 && verbose.err().contains("\tat ")
                && verbose.err().contains("CliException: no such file"), verbose.err());
    }

    @Test
    void completionScriptIsBashThatKnowsTheCommands(@TempDir Path dir) throws Exception {
        MmfProcess.Result result = MmfProcess.run("completion").exits(0);
        assertTrue(result.out().contains("complete -F _complete_mmf"), result.out().lines().limit(5).toList().toString());
        assertTrue(result.out().contains("residency"));
        Path script = dir.resolve("mmf-completion.bash");
        Files.writeString(script, result.out());
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
        assertEquals(0, bash.waitFor(), "bash -n rejected the completion script");
    }
}
