package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One of several processes creating and removing names in one namespace at once (issue 20), using the exported
 * API only. {@code NamespaceChurnChild DIR ID ROUNDS CONTENDED}: each round creates a name of its own, writes it,
 * opens it again and reads it back, removes it (every other round) or lets its last close reclaim it, and checks
 * that the name is gone; then tries to create one of {@code CONTENDED} names that every process tries too, and
 * while it holds one checks, through a slot of the parent's {@code tally} map (compare-and-set from 0), that no
 * other process holds the same live name. Prints {@code done ID CREATED REFUSED} and exits 0, or prints what it
 * saw and exits 3.
 */
@SuppressWarnings("try") // maps held open by try-with-resources are the point
public final class NamespaceChurnChild {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    private NamespaceChurnChild() {}

    public static void main(String[] args) throws Exception {
        SharedNamespace ns = SharedNamespace.at(Path.of(args[0]));
        int id = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int contended = Integer.parseInt(args[3]);
        int created = 0;
        int refused = 0;
        try (MemoryMappedFile tallyMap = MemoryMappedFile.openExisting(ns, "tally", MemoryMappedFileRights.READ_WRITE);
             MemoryMappedViewAccessor tally = tallyMap.createViewAccessor()) {
            for (int k = 0; k < rounds; k++) {
                String own = "own-" + id + "-" + (k % 4);
                long stamp = id * 1_000_000L + k;
                try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, own, 4096, RW);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    view.putLong(0, stamp);
                    try (MemoryMappedFile again = MemoryMappedFile.openExisting(ns, own, MemoryMappedFileRights.READ);
                         MemoryMappedViewAccessor read = again.createViewAccessor()) {
                        if (read.getLong(0) != stamp) {
                            fail(id, own + " read " + read.getLong(0) + ", not " + stamp);
                        }
                    }
                    if (k % 2 == 0) {
                        ns.remove(own);
                        expectGone(ns, id, own, "after remove");
                    }
                }
                expectGone(ns, id, own, "after the last close");

                String shared = "contended-" + (k % contended);
                long slot = 4L * (k % contended);
                try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, shared, 4096, RW)) {
                    created++;
                    if (!tally.compareAndSetInt(slot, 0, id + 1)) {
                        fail(id, "created live " + shared + " while process " + (tally.getInt(slot) - 1) + " held it");
                    }
                    Thread.onSpinWait();
                    if (!tally.compareAndSetInt(slot, id + 1, 0)) {
                        fail(id, "slot of " + shared + " changed to " + tally.getInt(slot) + " while held");
                    }
                } catch (FileAlreadyExistsException taken) {
                    refused++;
                }
            }
        }
        System.out.println("done " + id + " " + created + " " + refused);
    }

    private static void expectGone(SharedNamespace ns, int id, String name, String when) throws Exception {
        try (MemoryMappedFile left = MemoryMappedFile.openExisting(ns, name, MemoryMappedFileRights.READ)) {
            fail(id, name + " still opens " + when);
        } catch (NoSuchFileException expected) {
            // gone, as it must be
        }
    }

    private static void fail(int id, String what) {
        System.out.println("FAILED " + id + ": " + what);
        System.exit(3);
    }
}
