package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;

/** Tries to open the map an inheritable-map token names; prints "opened" or the simple name of what was thrown. */
public final class InheritedTokenChild {
    public static void main(String[] args) {
        try (MemoryMappedFile map = MemoryMappedFile.openInherited(args[0])) {
            System.out.println("opened " + map.capacity());
        } catch (Exception e) {
            System.out.println(e.getClass().getSimpleName());
        }
    }
}
