package io.mmf4j.testing.child;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.sync.NamedMutex;
import java.nio.file.Path;

/**
 * {@code args = mutexName counterFile rounds}: waits for the file's "go" long at offset 8 to be non-zero, then
 * {@code rounds} times locks the mutex, increments the plain (non-atomic) long at offset 0 of the shared map,
 * and unlocks. Prints "done".
 */
public final class MutexCounterChild {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[2]);
        try (NamedMutex mutex = NamedMutex.openExisting(args[0]);
             MemoryMappedFile map = MemoryMappedFile.createFromFile(Path.of(args[1]), FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            System.out.println("ready");
            System.out.flush();
            while (view.getLongVolatile(8) == 0) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < rounds; i++) {
                mutex.lock();
                try {
                    view.putLong(0, view.getLong(0) + 1);
                } finally {
                    mutex.unlock();
                }
            }
        }
        System.out.println("done");
    }
}
