package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileOptions;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.GrowChild;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Growth of named maps: every map object of the name follows, across processes; the header is not trusted. */
class NamedGrowTest extends NamespaceTestBase {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;
    private static final long CAPACITY_OFFSET = 24; // SharedObjectDescriptor.CAPACITY_OFFSET (internal)

    private Path onlyFile() throws Exception {
        List<Path> files = TestNamespaces.files(dir).stream().filter(p -> !p.getFileName().toString().startsWith("."))
                .toList();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void everyMapObjectOfTheNameSeesTheGrowthAndMapsTheNewBytes() throws Exception {
        try (MemoryMappedFile creator = MemoryMappedFile.createNew(ns, "log", 4096, RW);
             MemoryMappedFile opener = MemoryMappedFile.openExisting(ns, "log", MemoryMappedFileRights.READ_WRITE);
             MemoryMappedFile reader = MemoryMappedFile.openExisting(ns, "log", MemoryMappedFileRights.READ);
             MemoryMappedViewAccessor old = creator.createViewAccessor()) {
            old.putLong(0, 11);
            opener.grow(1 << 20);
            assertEquals(1 << 20, creator.capacity());
            assertEquals(1 << 20, reader.capacity());
            try (MemoryMappedViewAccessor writer = creator.createViewAccessor((1 << 20) - 8, 8);
                 MemoryMappedViewAccessor seen = reader.createViewAccessor()) {
                assertEquals(0, writer.getLong(0), "new bytes read as zero");
                writer.putLong(0, 99);
                assertEquals(99, seen.getLong((1 << 20) - 8));
                assertEquals(11, seen.getLong(0));
            }
            assertEquals(4096, old.capacity());
            assertEquals(11, old.getLong(0));
            assertThrows(UnsupportedOperationException.class, () -> reader.grow(2 << 20));
            assertEquals(1 << 20, creator.capacity());
        }
    }

    @Test
    void growthCommitsUnlessTheMapDelaysAllocation() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "committed", 4096, RW)) {
            map.grow(8 << 20);
            assertTrue(allocated(onlyFile()) >= 8 << 20, "committed at growth: " + allocated(onlyFile()));
        }
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "delayed", 4096, RW,
                MemoryMappedFileOptions.DELAY_ALLOCATE_PAGES);
             MemoryMappedFile other = MemoryMappedFile.openExisting(ns, "delayed", MemoryMappedFileRights.READ_WRITE)) {
            other.grow(8 << 20); // another map object of the name follows the creator's rule
            assertEquals(8 << 20, map.capacity());
            assertTrue(allocated(onlyFile()) < 1 << 20, "not committed: " + allocated(onlyFile()));
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                view.putLong((8 << 20) - 8, 3);
                assertEquals(3, view.getLong((8 << 20) - 8));
            }
        }
    }

    @Test
    void aHeaderClaimingMoreThanTheFileHoldsIsNotBelieved() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "forged", 8192, RW)) {
            try (FileChannel channel = FileChannel.open(onlyFile(), StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 40), CAPACITY_OFFSET);
            }
            assertEquals(8192, map.capacity(), "the file holds 8192 bytes of payload, whatever the header says");
            assertThrows(java.nio.file.FileSystemException.class,
                    () -> MemoryMappedFile.openExisting(ns, "forged", MemoryMappedFileRights.READ_WRITE),
                    "an opener refuses the corrupt header");
            assertThrows(IllegalArgumentException.class, () -> map.createViewAccessor(0, 1 << 20));
            map.grow(16384); // growth still works, checked against the file, never lowering the header
            assertEquals(16384, map.capacity());
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(16384, view.capacity());
            }
        }
    }

    @Test
    void growthFromTwoProcessesAtOnceEndsAtTheLargerSize() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, "race", 4096, RW)) {
            List<Process> children = new ArrayList<>();
            long[] targets = {3 << 20, 5 << 20};
            Path err = Files.createTempFile("grow-child", ".err");
            try {
                for (long target : targets) {
                    Process child = track(ChildJvm.start(err, GrowChild.class, "grow", dir.toString(), "race",
                            Long.toString(target)));
                    assertEquals("ready", new BufferedReader(new InputStreamReader(child.getInputStream())).readLine());
                    children.add(child);
                }
                for (Process child : children) {
                    child.getOutputStream().write('\n');
                    child.getOutputStream().flush();
                }
                for (int i = 0; i < children.size(); i++) {
                    Process child = children.get(i);
                    String out = new String(child.getInputStream().readAllBytes()).strip();
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
                    assertEquals(0, child.exitValue(), out + Files.readString(err));
                    assertTrue(out.startsWith("grown "), out);
                    assertTrue(Long.parseLong(out.substring(6)) >= targets[i], out);
                }
            } finally {
                Files.deleteIfExists(err);
            }
            assertEquals(5 << 20, map.capacity());
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(1, view.getByte((3 << 20) - 1));
                assertEquals(1, view.getByte((5 << 20) - 1));
            }
        }
    }

    @Test
    void noRoomIsAnIOExceptionAndTheOldSizeIsKept() throws Exception {
        // A file-size limit (ulimit -f, in KiB blocks of 1024) makes fallocate fail as a full disk would,
        // without filling anything; the JVM ignores SIGXFSZ, so the call sees EFBIG.
        Path file = dir.getParent().resolve("persisted");
        List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 4096 && exec \"$@\"", "limited"));
        command.addAll(ChildJvm.command(GrowChild.class, "limited", dir.toString(), file.toString()));
        Process child = track(new ProcessBuilder(command).redirectErrorStream(true).start());
        String out = new String(child.getInputStream().readAllBytes()).strip();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("refused") || l.startsWith("grown")).toList();
        assertEquals(2, lines.size(), out);
        assertTrue(lines.get(0).startsWith("refused 4096 -1 "), lines.get(0));
        assertTrue(lines.get(1).startsWith("refused 4096 4096 "), lines.get(1));
        assertTrue(lines.get(1).contains("keeps its old size"), lines.get(1));
    }

    private static long allocated(Path file) throws Exception {
        Process stat = new ProcessBuilder("stat", "--format=%b", file.toString()).start();
        String out = new String(stat.getInputStream().readAllBytes()).strip();
        stat.waitFor();
        return Long.parseLong(out) * 512;
    }
}
