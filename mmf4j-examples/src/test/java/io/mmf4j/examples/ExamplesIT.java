package io.mmf4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every example runs as a real program on the module path, exactly as a user runs it, and prints what the README
 * says it prints. Names are made unique per run, so parallel runs on one machine do not meet.
 */
class ExamplesIT {
    private static final String UNIQUE = "examples-" + ProcessHandle.current().pid() + "-";

    @Test
    void fileEditTurnsTheFirstByteIntoT() throws Exception {
        assertEquals("T234567", run("FileEdit"));
    }

    @Test
    void largeImageBrightensTheMiddleHalf() throws Exception {
        // 16 MiB instead of the text's 1 GiB: the same code, a test-sized file
        assertEquals("brightened 1048576 pixels; the first is now Color[r=10, g=10, b=10, a=10]", run("LargeImage", "16"));
    }

    @Test
    void recordsReadAndWriteStructs() throws Exception {
        assertEquals("Color[r=0, g=0, b=0, a=255]; Pixel[kind=1, color=Color[r=0, g=0, b=0, a=0], count=10, lit=false,"
                + " weight=0.25]; 32 bytes, count at 12", run("RecordsExample"));
    }

    @Test
    void secondProcessReadsTheMapByName() throws Exception {
        assertEquals("A wrote; B read: this is a mapping file test", run("SharedByName", UNIQUE + "SHARED"));
    }

    @Test
    void threeProcessesPrintTheDotNetTextsOutput() throws Exception {
        assertEquals("Process A says: True\nProcess B says: False\nProcess C says: True",
                run("ThreeProcesses", UNIQUE + "testmap"));
    }

    @Test
    void virtualMemoryReservesCommitsProtectsAndQueries() throws Exception {
        String out = run("VirtualMemoryExample");
        assertTrue(out.startsWith("the old segment is taken back: "), out);
        assertTrue(out.endsWith("was READ_WRITE, read 42, query: COMMITTED READ_ONLY 1048576 bytes"), out);
    }

    @Test
    void aHeapHoldsAMillionRecordsFreedOneByOne() throws Exception {
        assertEquals("1000000 records, " + (1_000_000L * 24 + 8 * 65536) + " bytes allocated\n"
                + "sum of the values 333332833333500000, 0 bytes allocated, heap valid: true", run("HeapExample"));
    }

    @Test
    void eventsHandTheTurnBetweenProcesses() throws Exception {
        assertEquals("A saw B ready; B says: B got the go", run("EventsExample", UNIQUE + "events"));
    }

    @Test
    void aWorkerProcessReceivesTheJobsOfTheQueue() throws Exception {
        assertEquals("A sent 3 jobs; B says: B resized photo-17.jpg\nB resized photo-18.jpg",
                run("QueueExample", UNIQUE + "jobs"));
    }

    @Test
    void sharedHeapStoresAHandleInANamedBlock() throws Exception {
        assertEquals("queue-head holds the node, which holds 42\nfreed; valid true, names [queue-head]",
                run("SharedHeapExample", UNIQUE + "jobs"));
    }

    @Test
    void viewsAreTheWholeMapAWindowAndAStream() throws Exception {
        assertEquals("all: 27 bytes; part: 10 bytes, 5 from its page; stream: 22 bytes, writable false", run("Views"));
    }

    @Test
    void anAnonymousMapReachesAChildProcess() throws Exception {
        assertEquals("the child read: from the parent", run("HandToChild"));
    }

    @Test
    void aMapGrowsUnderAnOpenView() throws Exception {
        assertEquals("capacity 1048576, file 1048576 bytes, the first view 4096 bytes", run("GrowAMap"));
    }

    @Test
    void viewsLieSideBySideInARegion() throws Exception {
        assertEquals("index at region offset 0: COMMITTED READ_ONLY; data at region offset 67108864: READ_WRITE",
                run("ViewsInARegion"));
    }

    @Test
    void aReaderFollowsALogThatAnotherProcessGrows() throws Exception {
        String out = run("GrowingLog", "20000");
        assertTrue(out.startsWith("followed 20000 records ("), out);
    }

    /** Runs example {@code name} with {@code args}; asserts exit 0 and an empty stderr; returns stdout. */
    static String run(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("mmf4j.test.java"), "bin", "java")
                .toString(), "--enable-native-access=io.mmf4j", "-p",
                System.getProperty("mmf4j.examples.jar") + ":" + System.getProperty("mmf4j.examples.lib"),
                "-m", "io.mmf4j.examples/io.mmf4j.examples." + name));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> read(process, false));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> read(process, true));
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish in 120 s");
        }
        String stdout = new String(out.get(), StandardCharsets.UTF_8).strip();
        String stderr = new String(err.get(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> name + " failed:\n" + stdout + "\n" + stderr);
        assertEquals("", stderr, name + " wrote to stderr");
        return stdout;
    }

    private static byte[] read(Process process, boolean error) {
        try {
            return (error ? process.getErrorStream() : process.getInputStream()).readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyExampleOfTheReadmeIsQuotedFromItsProgram() throws Exception {
        List<ReadmeSnippets.Snippet> snippets = ReadmeSnippets.read(Path.of(System.getProperty("mmf4j.readme")));
        assertFalse(snippets.isEmpty(), "the README marks its snippets with <!-- example: Name -->");
        Path sources = Path.of(System.getProperty("mmf4j.examples.sources"));
        for (ReadmeSnippets.Snippet snippet : snippets) {
            Path source = sources.resolve(snippet.example() + ".java");
            assertTrue(Files.exists(source), "README line " + snippet.line() + " names no example: " + source);
            ReadmeSnippets.assertQuoted(snippet, Files.readString(source));
        }
    }
}
