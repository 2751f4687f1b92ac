package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a view's memory lives: in the caller's arena when one is given (mapped until the caller closes it, usable
 * from the threads it allows), otherwise in a shared generation arena, with the file let go at the view's close.
 * What the kernel has mapped is read from /proc/self/maps.
 */
class ViewArenaTest {
    @TempDir
    Path dir;

    private Path file(String name) throws IOException {
        Path file = dir.resolve(name);
        byte[] bytes = new byte[1 << 16];
        bytes[100] = 7;
        Files.write(file, bytes);
        return file;
    }

    private static long mappingsOf(Path file) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.endsWith(file.toString())).count();
    }

    @Test
    void aViewInTheCallersConfinedArenaStaysMappedUntilTheArenaCloses() throws Exception {
        Path file = file("confined.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
            MemorySegment raw;
            try (Arena arena = Arena.ofConfined()) {
                MemoryMappedViewAccessor view = map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ_WRITE, arena);
                assertEquals(7, view.getByte(100));
                view.putByte(101, (byte) 9);
                raw = view.segment();
                CompletableFuture<Byte> other = CompletableFuture.supplyAsync(() -> view.getByte(100));
                ExecutionException refused = assertThrows(ExecutionException.class, other::get);
                assertTrue(refused.getCause() instanceof WrongThreadException, refused.toString());
                view.close();
                assertThrows(IllegalStateException.class, () -> view.getByte(100));
                assertEquals(7, raw.get(ValueLayout.JAVA_BYTE, 100), "the caller's arena still holds the memory");
                assertEquals(1, mappingsOf(file));
            }
            assertThrows(IllegalStateException.class, () -> raw.get(ValueLayout.JAVA_BYTE, 100));
            assertEquals(0, mappingsOf(file), "the caller's arena unmapped it");
        }
        assertEquals(9, Files.readAllBytes(file)[101], "the view's close flushed the write");
    }

    @Test
    void aStreamInTheCallersArenaReadsAndAClosedArenaIsRefused() throws Exception {
        Path file = file("stream.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
             Arena arena = Arena.ofShared()) {
            try (MemoryMappedViewStream stream = map.createViewStream(0, 4096, MemoryMappedFileAccess.READ, arena)) {
                byte[] bytes = new byte[101];
                assertEquals(101, stream.asInputStream().read(bytes));
                assertEquals(7, bytes[100]);
            }
            Arena closed = Arena.ofConfined();
            closed.close();
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ, closed));
            assertTrue(refused.getMessage().contains("arena"), refused.getMessage());
            assertThrows(NullPointerException.class, () -> map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ, null));
        }
        assertEquals(0, mappingsOf(file), "nothing left behind");
    }

    @Test
    void closingAViewLetsItsFileGoAtOnceAndItsSegmentsRefuseAccess() throws Exception {
        Path file = file("generation.bin");
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN)) {
            MemoryMappedViewAccessor kept = map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ);
            for (int i = 0; i < 200; i++) { // more than one generation of views
                try (MemoryMappedViewAccessor view = map.createViewAccessor(4096, 4096, MemoryMappedFileAccess.READ)) {
                    assertEquals(0, view.getByte(0));
                }
            }
            MemoryMappedViewAccessor handedOut = map.createViewAccessor(0, 4096, MemoryMappedFileAccess.READ);
            MemorySegment segment = handedOut.segment();
            assertEquals(2, mappingsOf(file), "only the two open views map the file");
            handedOut.close();
            assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_BYTE, 100));
            assertEquals(7, kept.getByte(100), "a view open in an older generation still reads its file");
            assertEquals(1, mappingsOf(file));
            kept.close();
            assertThrows(IllegalStateException.class, () -> kept.getByte(100));
            assertEquals(0, mappingsOf(file), "every closed view let its file go at close");
        }
    }
}
