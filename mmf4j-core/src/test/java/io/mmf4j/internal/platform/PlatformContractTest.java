package io.mmf4j.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.platform.jdk.JdkPlatform;
import io.mmf4j.internal.platform.linux.LinuxPlatform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of the file and mapping capabilities, run against every backend that has them (the Linux one and
 * the portable one, side by side in this JVM): creation modes and their {@code created()} flag, sizes, reads and
 * writes, shared and private mappings, flush, and the refusals. A new backend joins {@link #backends()}.
 */
class PlatformContractTest {
    @TempDir
    Path dir;

    static List<Platform> backends() {
        return List.of(LinuxPlatform.create(), new JdkPlatform("PlatformContractTest"));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void creationModesTellWhetherTheyCreated(Platform platform) throws IOException {
        FilePlatform files = platform.files();
        Path path = dir.resolve("f");
        assertThrows(NoSuchFileException.class, () -> files.openFile(path, FileAccess.READ, FileCreation.OPEN_EXISTING));
        try (OsFile created = files.openFile(path, FileAccess.READ_WRITE, FileCreation.CREATE_NEW)) {
            assertTrue(created.created());
            assertTrue(created.writable());
        }
        assertThrows(FileAlreadyExistsException.class,
                () -> files.openFile(path, FileAccess.READ_WRITE, FileCreation.CREATE_NEW));
        try (OsFile opened = files.openFile(path, FileAccess.READ, FileCreation.OPEN_OR_CREATE)) {
            assertFalse(opened.created());
            assertFalse(opened.writable());
        }
        Files.write(path, new byte[10]);
        try (OsFile truncated = files.openFile(path, FileAccess.READ_WRITE, FileCreation.CREATE_OR_TRUNCATE)) {
            assertFalse(truncated.created());
            assertEquals(0, truncated.size());
        }
        Files.delete(path);
        try (OsFile made = files.openFile(path, FileAccess.READ_WRITE, FileCreation.OPEN_OR_CREATE)) {
            assertTrue(made.created());
        }
        assertThrows(IOException.class, () -> files.openFile(dir, FileAccess.READ, FileCreation.OPEN_EXISTING),
                "a directory is not a regular file");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sizesReadsAndWrites(Platform platform) throws IOException {
        try (OsFile file = platform.files().openFile(dir.resolve("g"), FileAccess.READ_WRITE, FileCreation.CREATE_NEW);
             Arena arena = Arena.ofConfined()) {
            file.setLength(10_000);
            assertEquals(10_000, file.size());
            file.allocate(0, 20_000);
            assertEquals(20_000, file.size());
            MemorySegment out = arena.allocate(16);
            out.set(ValueLayout.JAVA_LONG, 8, 0x1122334455667788L);
            file.write(19_990, out);
            assertEquals(20_006, file.size());
            MemorySegment in = arena.allocate(32);
            assertEquals(16, file.read(19_990, in), "a read stops at the end of the file");
            assertEquals(0x1122334455667788L, in.get(ValueLayout.JAVA_LONG, 8));
            file.sync();
            file.setLength(100);
            assertEquals(100, file.size());
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void sharedMappingsReachTheFileAndPrivateOnesDoNot(Platform platform) throws IOException {
        MappingPlatform mappings = platform.mappings();
        long page = mappings.pageSize();
        try (OsFile file = platform.files().openFile(dir.resolve("m"), FileAccess.READ_WRITE, FileCreation.CREATE_NEW);
             Arena arena = Arena.ofShared()) {
            file.setLength(2 * page);
            MemorySegment shared = mappings.map(file, page, page, MapAccess.READ_WRITE, arena);
            MemorySegment mine = mappings.map(file, page, page, MapAccess.COPY_ON_WRITE, arena);
            MemorySegment readOnly = mappings.map(file, 0, 2 * page, MapAccess.READ, arena);
            shared.set(ValueLayout.JAVA_INT, 4, 42);
            mappings.flush(shared);
            assertEquals(42, readOnly.get(ValueLayout.JAVA_INT, page + 4));
            mine.set(ValueLayout.JAVA_INT, 4, 7);
            assertEquals(42, shared.get(ValueLayout.JAVA_INT, 4), "a private write stays private");
            MemorySegment back = Arena.ofAuto().allocate(8);
            file.read(page, back);
            assertEquals(42, back.get(ValueLayout.JAVA_INT, 4));
            assertThrows(IllegalArgumentException.class, () -> mappings.map(file, 1, page, MapAccess.READ, arena));
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theClosedSegmentFailsEveryAccessWithIllegalState(Platform platform) {
        platform.mappings().closedSegment().ifPresent(closed -> {
            assertThrows(IllegalStateException.class, () -> closed.get(ValueLayout.JAVA_BYTE, 0));
            assertThrows(IllegalStateException.class, () -> closed.get(ValueLayout.JAVA_LONG, 1L << 40));
        });
    }
}
