package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.SharedNamespace;
import java.nio.file.Path;

/**
 * Asks for maps far larger than the machine (1 TiB, Long.MAX_VALUE; anonymous, named, createOrOpen) and prints
 * one line per attempt: "size: ExceptionClass: message", or "size: created". Run only under a memory watchdog.
 */
public final class HugeMapChild {
    public static void main(String[] args) throws Exception {
        SharedNamespace namespace = SharedNamespace.at(Path.of(args[0]));
        long[] sizes = {1L << 40, Long.MAX_VALUE};
        for (long size : sizes) {
            attempt("anonymous " + size, () -> MemoryMappedFile.createNew(null, size));
            attempt("named " + size, () -> MemoryMappedFile.createNew(namespace, "huge", size,
                    MemoryMappedFileAccess.READ_WRITE));
            attempt("createOrOpen " + size, () -> MemoryMappedFile.createOrOpen(namespace, "huge2", size,
                    MemoryMappedFileAccess.READ_WRITE));
        }
        System.out.println("done");
    }

    interface Creation {
        MemoryMappedFile create() throws Exception;
    }

    static void attempt(String what, Creation creation) {
        try (MemoryMappedFile map = creation.create()) {
            System.out.println(what + ": created " + map.capacity());
        } catch (Exception e) {
            System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage());
        }
        System.out.flush();
    }
}
