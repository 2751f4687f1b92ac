package io.mmf4j.cli;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The source texts' sharing scenario for {@code mmf demo}: process A creates the named map "SHARED" (100 bytes)
 * and writes "this is a mapping file test"; process B — a separate JVM — opens it by name and reads the string.
 * Process B is the hidden command {@code mmf demo-open-shared NAME}.
 */
final class SharedStringDemo {
    static final String MESSAGE = "this is a mapping file test";

    private SharedStringDemo() {}

    static void run(PrintStream out) throws Exception {
        out.println("== Sharing memory between two processes by name (CreateFileMapping + OpenFileMapping) ==");
        String name = "SHARED";
        try (MemoryMappedFile map = MemoryMappedFile.createNew(name, 100);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
            view.writeArray(0, bytes, 0, bytes.length);
            out.println("  process A (pid " + ProcessHandle.current().pid() + ") created the map \"" + name
                    + "\" (100 bytes of shared memory, no file) and wrote \"" + MESSAGE + "\"");
            Process b = new ProcessBuilder(MmfChild.command("demo-open-shared", name))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String said = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!b.waitFor(30, TimeUnit.SECONDS) || b.exitValue() != 0) {
                throw new CliException("process B failed to read the shared map (exit " + b.exitValue() + ")");
            }
            said.lines().forEach(line -> out.println("  " + line));
        }
        out.println("  process A closed it too: the last holder is gone, so the name and the memory are reclaimed");
        out.println();
    }

    /** Process B: opens the map by name, read-only, and prints the string it holds. */
    @Command(name = "demo-open-shared", hidden = true, description = "Process B of the demo's SHARED scenario.")
    static final class OpenShared implements Callable<Integer> {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() throws Exception {
            try (MemoryMappedFile map = MemoryMappedFile.openExisting(name, MemoryMappedFileRights.READ);
                 MemoryMappedViewAccessor view = map.createViewAccessor(0, 0, io.mmf4j.MemoryMappedFileAccess.READ)) {
                byte[] bytes = new byte[(int) view.capacity()];
                view.readArray(0, bytes, 0, bytes.length);
                int end = 0;
                while (end < bytes.length && bytes[end] != 0) {
                    end++;
                }
                System.out.println("process B (pid " + ProcessHandle.current().pid() + ", another JVM) opened \"" + name
                        + "\" by name and read: \"" + new String(bytes, 0, end, StandardCharsets.US_ASCII) + "\"");
            }
            return 0;
        }
    }
}
