package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code mmf demo}: the source texts' scenarios, end to end, each step explained. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the source texts' memory-mapped file scenarios end to end, explaining each step.")
final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("mmf-demo");
        try {
            editFile(out, dir);
            BrightenDemo.run(out, dir);
            SharedStringDemo.run(out);
            out.println("== Three processes share a named map, ordered by a named mutex (the .NET text's example) ==");
            ThreeProcessExample.run(out);
            out.println();
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** The source text's edit: a file holding "1234567", its first byte changed through a view. */
    private static void editFile(PrintStream out, Path dir) throws Exception {
        out.println("== Editing a file through a memory-mapped view (CreateFileMapping + MapViewOfFile) ==");
        Path file = dir.resolve("digits.txt");
        Files.writeString(file, "1234567");
        out.println("  wrote " + file.getFileName() + " = \"" + Files.readString(file) + "\"");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            out.println("  mapped it read-write: the view is " + view.capacity() + " bytes of the file, in memory");
            view.putByte(0, (byte) 'T');
            out.println("  set byte 0 to 'T' through the view (a plain memory store, no write() call)");
        }
        out.println("  closed the view (which flushes it); the file on disk now reads \""
                + Files.readString(file, StandardCharsets.US_ASCII) + "\"");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0,
                MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putByte(1, (byte) 'X');
            out.println("  a COPY_ON_WRITE view set byte 1 to 'X' and sees \"" + readAscii(view) + "\"...");
        }
        out.println("  ...but its writes are private: the file still reads \"" + Files.readString(file) + "\"");
        out.println();
    }

    private static String readAscii(MemoryMappedViewAccessor view) {
        byte[] bytes = new byte[(int) view.capacity()];
        view.readArray(0, bytes, 0, bytes.length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
