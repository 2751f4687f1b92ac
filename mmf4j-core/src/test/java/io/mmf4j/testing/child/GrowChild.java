package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A second process for the growth tests, using the exported API only.
 * <ul>
 *   <li>{@code grow DIR NAME CAPACITY}: opens the named map, prints "ready", waits for a line on stdin, grows the
 *       map to CAPACITY, writes byte 1 at its last byte through a new view, prints "grown CAPACITY()".</li>
 *   <li>{@code persisted FILE}: makes a 4 KiB map of a new FILE, grows it to 1 MiB, writes 42 at its end and prints
 *       "grown CAPACITY FILE-SIZE VALUE" (for the portable backend).</li>
 *   <li>{@code limited DIR FILE}: run under a file-size limit ({@code ulimit -f}); tries to grow a named map and a
 *       persisted one past it and prints, for each, "refused CAPACITY-AFTER SIZE-AFTER" or "grown".</li>
 * </ul>
 */
public final class GrowChild {
    private GrowChild() {}

    public static void main(String[] args) throws Exception {
        SharedNamespace ns = args[0].equals("persisted") ? null : SharedNamespace.at(Path.of(args[1]));
        switch (args[0]) {
            case "grow" -> {
                long capacity = Long.parseLong(args[3]);
                try (MemoryMappedFile map = MemoryMappedFile.openExisting(ns, args[2],
                        io.mmf4j.MemoryMappedFileRights.READ_WRITE)) {
                    System.out.println("ready");
                    System.out.flush();
                    new BufferedReader(new InputStreamReader(System.in)).readLine();
                    map.grow(capacity);
                    try (MemoryMappedViewAccessor view = map.createViewAccessor(capacity - 1, 1)) {
                        view.putByte(0, (byte) 1);
                    }
                    System.out.println("grown " + map.capacity());
                }
            }
            case "limited" -> {
                try (MemoryMappedFile named = MemoryMappedFile.createNew(ns, "limited", 4096,
                        io.mmf4j.MemoryMappedFileAccess.READ_WRITE)) {
                    System.out.println(attempt(named, null));
                }
                Path file = Path.of(args[2]);
                try (MemoryMappedFile persisted = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096)) {
                    System.out.println(attempt(persisted, file));
                }
            }
            case "persisted" -> { // args[1] is a file here: growth on whatever backend the child runs
                Path file = Path.of(args[1]);
                try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.CREATE_NEW, null, 4096)) {
                    map.grow(1 << 20);
                    try (MemoryMappedViewAccessor view = map.createViewAccessor((1 << 20) - 8, 8)) {
                        view.putLong(0, 42);
                        System.out.println("grown " + map.capacity() + " " + Files.size(file) + " " + view.getLong(0));
                    }
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static String attempt(MemoryMappedFile map, Path file) throws IOException {
        try {
            map.grow(64L << 20);
            return "grown";
        } catch (IOException e) {
            return "refused " + map.capacity() + " " + (file == null ? -1 : Files.size(file)) + " " + e.getMessage();
        }
    }
}
