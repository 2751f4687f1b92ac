package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.SharedNamespace;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every failure is a public type users can catch by name, with a message saying what and why. */
class PublicExceptionsTest {
    @TempDir
    Path dir;

    /** A java.* type, or a small subclass of one (the JDK's view exceptions take no message). */
    private static void assertPublic(Throwable thrown) {
        Class<?> type = thrown.getClass();
        assertTrue(type.getName().startsWith("java.") || type.getSuperclass().getName().startsWith("java."),
                type.getName());
        assertNotNull(thrown.getMessage(), type.getName() + " has no message");
    }

    @Test
    void aDirectoryGivenAsAPathIsAPublicException() {
        IOException e = assertThrows(IOException.class, () -> MemoryMappedFile.createFromFile(dir, FileMode.OPEN));
        assertPublic(e);
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void writesThroughReadOnlyViewsSayWhy() throws Exception {
        Path file = dir.resolve("data.bin");
        Files.write(file, new byte[8192]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor view = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ);
             MemoryMappedViewStream stream = map.createViewStream(0, 0, MemoryMappedFileAccess.READ)) {
            assertPublic(assertThrows(ReadOnlyBufferException.class, () -> view.putInt(0, 1)));
            assertPublic(assertThrows(ReadOnlyBufferException.class, () -> view.compareAndSetInt(0, 0, 1)));
            assertPublic(assertThrows(NonWritableChannelException.class, () -> stream.writeInt(1)));
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewStream stream = map.createViewStream()) {
            stream.position(8190);
            BufferOverflowException overflow = assertThrows(BufferOverflowException.class, () -> stream.writeInt(1));
            assertPublic(overflow);
            assertTrue(overflow.getMessage().contains("8190"), overflow.getMessage());
        }
    }

    record Pair(int a, int b) {}

    private static final io.mmf4j.RecordLayout<Pair> PAIR = io.mmf4j.RecordLayout.packed(Pair.class);

    @Test
    void accessThroughAClosedViewSaysWhichViewAndWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("closing.bin");
        Files.write(file, new byte[8192]);
        // an anonymous map (the JDK's CAS) and a persisted one (the fault-guarded CAS)
        try (MemoryMappedFile anonymous = MemoryMappedFile.createNew(null, 8192);
             MemoryMappedFile persisted = MemoryMappedFile.createFromFile(file)) {
            for (MemoryMappedFile map : java.util.List.of(anonymous, persisted)) {
                MemoryMappedViewAccessor view = map.createViewAccessor(4096, 0);
                view.close();
                for (org.junit.jupiter.api.function.Executable access
                        : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                        () -> view.getLong(0), () -> view.putInt(0, 1), () -> view.compareAndSetLong(0, 0, 1),
                        () -> view.getAndAddInt(0, 1), () -> view.getAndSetLong(8, 1),
                        () -> view.readArray(0, new byte[4], 0, 4), () -> view.getIntAcquire(0),
                        () -> view.read(0, Pair.class), () -> view.write(0, new Pair(1, 2)),
                        () -> view.readArray(0, new Pair[2], 0, 2), () -> PAIR.read(view, 0),
                        () -> PAIR.write(view, 0, new Pair(3, 4)))) {
                    IllegalStateException closed = assertThrows(IllegalStateException.class, access);
                    assertPublic(closed);
                    assertTrue(closed.getMessage().contains("closed") && closed.getMessage().contains("offset=4096"),
                            map + ": " + closed.getMessage());
                }
            }
        }
    }

    @Test
    void noSpaceForANamedMapNamesTheMapAndItsSize() throws Exception {
        Path mount = dir.resolve("tmpfs");
        Files.createDirectories(mount);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String why = new String(mounting.getInputStream().readAllBytes()).strip();
        assumeTrue(mounting.waitFor() == 0, "skipped: cannot mount a small tmpfs (needs root and mount rights): " + why);
        try {
            SharedNamespace ns = SharedNamespace.at(mount.resolve("ns"));
            IOException e = assertThrows(IOException.class,
                    () -> MemoryMappedFile.createNew(ns, "too big", 4L << 20, MemoryMappedFileAccess.READ_WRITE));
            assertPublic(e);
            assertTrue(e.getMessage().contains("'too big'") && e.getMessage().contains("4194304")
                    && e.getMessage().contains("ENOSPC"), e.getMessage());
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }
}
