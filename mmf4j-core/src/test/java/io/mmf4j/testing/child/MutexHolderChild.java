package io.mmf4j.testing.child;

import io.mmf4j.sync.NamedMutex;

/**
 * Opens the named mutex {@code args[0]}, locks it, prints "locked" and then holds it until it is killed
 * (or for {@code args[1]} ms, after which it exits without unlocking: its thread, the main thread, ends).
 */
public final class MutexHolderChild {
    public static void main(String[] args) throws Exception {
        NamedMutex mutex = NamedMutex.openExisting(args[0]);
        mutex.lock();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(args.length > 1 ? Long.parseLong(args[1]) : 600_000);
    }
}
