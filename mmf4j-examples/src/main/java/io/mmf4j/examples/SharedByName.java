package io.mmf4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import java.util.List;

/**
 * The second source text's sharing: process A puts a string into a named map in memory, process B (a second JVM
 * that A starts) opens the map by name and reads it. The map lives while A holds it.
 */
public final class SharedByName {
    private SharedByName() {}

    /** Usage: SharedByName [NAME] (default "SHARED"); with "B NAME" it is process B. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("B")) {
            processB(args[1]);
        } else {
            processA(args.length > 0 ? args[0] : "SHARED");
        }
    }

    static void processA(String name) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(name, 100);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            byte[] text = "this is a mapping file test".getBytes(UTF_8);
            view.writeArray(0, text, 0, text.length);
            Process b = Examples.start(SharedByName.class, List.of("B", name));  // process B
            System.out.println("A wrote; B read: " + Examples.output(b));          // the map lives while A holds it
        }
    }

    static void processB(String name) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(name, MemoryMappedFileRights.READ);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            byte[] text = new byte[27];
            view.readArray(0, text, 0, text.length);
            System.out.println(new String(text, UTF_8));
        }
    }
}
