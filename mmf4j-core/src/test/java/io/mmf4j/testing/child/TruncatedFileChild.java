package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Maps a file, waits until another process has truncated it to zero, then reads and writes the vanished pages
 * many times, interpreted and compiled. Prints "survived N" when the JVM is still alive afterwards; any
 * crash shows as a missing line and a non-zero exit.
 */
public final class TruncatedFileChild {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            System.out.println("mapped " + view.capacity());
            System.out.flush();
            while (java.nio.file.Files.size(file) != 0) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            int faults = 0;
            long sum = 0;
            for (int round = 0; round < 200_000; round++) {
                try {
                    sum += view.getLong((round * 4096L) % (view.capacity() - 8));
                    view.putInt((round * 8192L) % (view.capacity() - 4), round);
                } catch (InternalError expected) { // the JVM's answer to SIGBUS on a mapped page
                    faults++;
                }
            }
            System.out.println("survived " + faults + " " + sum);
        } catch (InternalError late) { // in compiled code the JVM may deliver the fault a little later
            System.out.println("survived late");
        }
    }
}
