package io.mmf4j.testing.child;

import io.mmf4j.internal.sync.MutexCore;

/** Prints the owner word of its main thread, in hex: what a mutex it locks would hold as OWNER. */
public final class OwnerWordChild {
    public static void main(String[] args) {
        System.out.println(Long.toHexString(MutexCore.currentOwnerWord()));
    }
}
