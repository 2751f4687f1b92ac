package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.sync.NamedMutex;

/**
 * {@code args = mutexName mapName rounds}: waits for the named map's "go" long at offset 8 to be non-zero, then
 * {@code rounds} times locks the mutex, increments the plain (non-atomic) long at offset 0 of the shared map,
 * and unlocks. Prints "done".
 */
public final class MutexCounterChild {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[2]);
        try (NamedMutex mutex = NamedMutex.openExisting(args[0]);
             MemoryMappedFile map = MemoryMappedFile.openExisting(args[1]);
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
