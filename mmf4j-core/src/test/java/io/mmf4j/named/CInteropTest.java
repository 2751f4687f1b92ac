package io.mmf4j.named;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.shared.NameEncoding;
import io.mmf4j.internal.shared.SharedObjectDescriptor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another language opens mmf4j's named objects: a C program (src/test/c/mmf4j_open_map.c, compiled here with gcc)
 * that knows only docs/SHARED-LAYOUT.md finds a map a Java process created by its name, reads it, writes to it and
 * holds it as a holder — the map outlives the Java process's close while C holds it, and C, the last holder,
 * reclaims the name. Both sides check the layout version.
 */
class CInteropTest {
    private static final Path SOURCE = Path.of("src/test/c/mmf4j_open_map.c");

    @TempDir
    static Path build;

    private Path directory;
    private SharedNamespace namespace;

    @BeforeEach
    void namespace() throws Exception {
        directory = TestNamespaces.fresh();
        namespace = SharedNamespace.at(directory);
    }

    @AfterEach
    void cleanUp() throws Exception {
        TestNamespaces.delete(directory);
    }

    private static Path program() throws Exception {
        Path binary = build.resolve("mmf4j_open_map");
        if (!Files.exists(binary)) {
            Process gcc;
            try {
                gcc = new ProcessBuilder("gcc", "-O2", "-Wall", "-Werror", "-o", binary.toString(), SOURCE.toString())
                        .inheritIO().start();
            } catch (java.io.IOException noGcc) {
                assumeTrue(false, "gcc is not installed, so the C side cannot be built: " + noGcc.getMessage());
                throw noGcc;
            }
            assertEquals(0, gcc.waitFor(), "gcc failed on " + SOURCE);
        }
        return binary;
    }

    @Test
    void aCProgramOpensReadsWritesAndHoldsAMapByName() throws Exception {
        String name = "shared with C — ünïcode 名前";
        Process c;
        try (MemoryMappedFile map = MemoryMappedFile.createNew(namespace, name, 4096, MemoryMappedFileAccess.READ_WRITE);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            byte[] text = "hello from Java".getBytes(UTF_8);
            view.writeArray(0, text, 0, text.length);
            c = new ProcessBuilder(program().toString(), directory.toString(), name, "64", "100", "hello from C")
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(c.getInputStream(), UTF_8));
            assertEquals("read: hello from Java", out.readLine());
            assertEquals("wrote 12 bytes at 100; holding until stdin closes", out.readLine());
            byte[] back = new byte[12];
            view.readArray(100, back, 0, back.length);
            assertEquals("hello from C", new String(back, UTF_8));
        }
        // Java let go; the C holder keeps the map alive, bytes and all
        try (MemoryMappedFile again = MemoryMappedFile.openExisting(namespace, name, MemoryMappedFileRights.READ_WRITE);
             MemoryMappedViewAccessor view = again.createViewAccessor()) {
            assertEquals((byte) 'h', view.getByte(100));
        }
        c.getOutputStream().close(); // C's cue to leave: it is the last holder now
        assertTrue(c.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, c.exitValue());
        String last = new String(c.getInputStream().readAllBytes(), UTF_8).strip();
        assertEquals("released; it was the last holder and removed the name", last);
        assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.openExisting(namespace, name, MemoryMappedFileRights.READ_WRITE));
        assertEquals(0, TestNamespaces.files(directory).stream()
                .filter(f -> NameEncoding.isEncoded(f.getFileName().toString())).count(), "nothing left behind");
    }

    @Test
    @SuppressWarnings("try") // the map is held open for the block, never referenced in it
    void bothSidesRefuseALayoutVersionTheyDoNotKnow() throws Exception {
        String name = "from the future";
        try (MemoryMappedFile map = MemoryMappedFile.createNew(namespace, name, 4096, MemoryMappedFileAccess.READ_WRITE)) {
            Path file = directory.resolve(NameEncoding.fileName(name));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ByteBuffer two = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 2);
                channel.write(two, SharedObjectDescriptor.VERSION_OFFSET);
            }
            Process c = new ProcessBuilder(program().toString(), directory.toString(), name, "8", "0", "x").start();
            c.getOutputStream().close();
            assertTrue(c.waitFor(30, TimeUnit.SECONDS));
            assertEquals(3, c.exitValue());
            assertTrue(new String(c.getErrorStream().readAllBytes(), UTF_8).contains("layout version 2; this program reads version 1"));
            assertThrows(FileSystemException.class, () -> MemoryMappedFile.openExisting(namespace, name, MemoryMappedFileRights.READ_WRITE));
        }
    }
}
