package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Path;

/** Maps a file (OPEN, its whole size) and holds a view until its stdin closes; prints "mapped N" once it holds. */
public final class HoldFileChild {
    public static void main(String[] args) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(Path.of(args[0]), FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            System.out.println("mapped " + view.capacity());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin
            }
        }
    }
}
