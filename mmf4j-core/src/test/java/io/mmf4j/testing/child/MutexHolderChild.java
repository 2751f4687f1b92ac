package io.mmf4j.testing.child;

import io.mmf4j.sync.NamedMutex;

/**
 * Opens (or with {@code args[1] = "create"}, creates) the named mutex {@code args[0]}, locks it, prints "locked"
 * and then holds it until it is killed.
 */
public final class MutexHolderChild {
    public static void main(String[] args) throws Exception {
        boolean create = args.length > 1 && args[1].equals("create");
        NamedMutex mutex = create ? NamedMutex.create(args[0], true) : NamedMutex.openExisting(args[0]);
        mutex.lock();
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
