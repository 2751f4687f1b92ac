package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmf4j.testing.FaultJvm;
import io.mmf4j.testing.child.VanishedPageChild;
import io.mmf4j.MemoryMappedFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every accessor on pages that vanished under a live view (the file truncated by another process; a
 * DELAY_ALLOCATE_PAGES map on a full tmpfs), in child JVMs run interpreted, with the default JIT and with
 * everything compiled: each access ends in the JVM's {@code InternalError} for a fault in mapped memory, and
 * the child ends normally (exit 0, no {@code hs_err} file). Memory bound of each child: 256 MiB.
 */
class VanishedPagesTest {
    static final long MEMORY_BOUND = 256L << 20;

    static void assertEveryAccessFaults(FaultJvm.Outcome outcome) {
        outcome.assertEndedNormally();
        List<String> lines = outcome.stdout().lines().toList();
        assertEquals("done", lines.getLast(), outcome.stdout());
        assertEquals(23, lines.size(), outcome.stdout());
        for (String line : lines.subList(0, lines.size() - 1)) {
            assertTrue(line.endsWith(": InternalError"), line + "\n" + outcome.stdout());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xint", "-Xshare:auto", "-Xcomp"})
    void truncatedFileFaultsEveryAccessorWithoutAbortingTheJvm(String mode, @TempDir Path dir) throws Exception {
        assertEveryAccessFaults(FaultJvm.run(dir, 120, MEMORY_BOUND, List.of(mode), VanishedPageChild.class,
                "truncate", dir.resolve("vanishing.bin").toString()));
    }

    @Test
    void anAnonymousMapsMemoryFileCannotBeShrunk() throws Exception {
        java.util.Set<Path> before = mmf4jMemfds(); // another test's map may still be open in this JVM
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 8192)) {
            java.util.Set<Path> created = mmf4jMemfds();
            created.removeAll(before);
            assertEquals(1, created.size(), "the memfd of " + map + ": " + created);
            Path memfd = created.iterator().next();
            try (FileChannel channel = FileChannel.open(memfd, StandardOpenOption.WRITE)) {
                IOException refused = assertThrows(IOException.class, () -> channel.truncate(0));
                assertTrue(refused.getMessage().contains("not permitted"), refused.getMessage());
                assertEquals(8192, channel.size());
            }
        }
    }

    /** This process's descriptors of mmf4j memory files, as /proc/self/fd paths. */
    private static java.util.Set<Path> mmf4jMemfds() throws IOException {
        java.util.Set<Path> memfds = new java.util.HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (Files.readSymbolicLink(fd).toString().startsWith("/memfd:mmf4j:")) {
                        memfds.add(fd);
                    }
                } catch (IOException gone) {
                    // the fd of the listing itself
                }
            }
        }
        return memfds;
    }

    @Test
    void fullTmpfsFaultsEveryAccessorOfADelayedMap(@TempDir Path dir) throws Exception {
        Path mount = dir.resolve("tmpfs");
        Files.createDirectories(mount);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        String why = new String(mounting.getInputStream().readAllBytes()).strip();
        assumeTrue(mounting.waitFor() == 0, "skipped: cannot mount a small tmpfs (needs root and mount rights): " + why);
        try {
            assertEveryAccessFaults(FaultJvm.run(dir, 120, MEMORY_BOUND, List.of("-Xint"), VanishedPageChild.class,
                    "full", mount.toString()));
        } finally {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor();
        }
    }
}
