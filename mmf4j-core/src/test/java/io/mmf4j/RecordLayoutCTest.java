package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemoryLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aligned layout against gcc: a C program compiled by the test writes three structs (a nested struct, every
 * primitive, padding in four places) and prints {@code sizeof} and every {@code offsetof}; the record layout must
 * agree, read the C bytes as the C program meant them, and write byte-for-byte the same file. Skipped (with a
 * message) where gcc is missing.
 */
class RecordLayoutCTest {
    record Color(short r, short g, short b, short a) {}

    record Pixel(byte kind, Color color, int count, boolean lit, double weight, char ch, long stamp, float f) {}

    static final RecordLayout<Pixel> PIXEL = RecordLayout.aligned(Pixel.class);

    static Pixel expected(int i) {
        return new Pixel((byte) (-1 - i), new Color((short) (i * 10 + 1), (short) -(i * 10 + 2), (short) (300 + i),
                (short) (32767 - i)), 100000 * i - 7, i % 2 == 1, i + 0.25, (char) (0xDF + i), -(5L << 40) + i, 2.5f * i);
    }

    @Test
    void theAlignedLayoutIsGccs(@TempDir Path dir) throws Exception {
        Path program = compile(dir);
        Path cFile = dir.resolve("c-pixels.bin");
        String[] printed = run(program, cFile).trim().split(" ");

        List<Long> layout = new ArrayList<>();
        layout.add(PIXEL.byteSize());
        for (String name : new String[] {"kind", "color", "count", "lit", "weight", "ch", "stamp", "f"}) {
            layout.add(PIXEL.layout().byteOffset(MemoryLayout.PathElement.groupElement(name)));
        }
        List<Long> gcc = new ArrayList<>();
        for (String value : printed) {
            gcc.add(Long.parseLong(value));
        }
        assertEquals(gcc, layout, "sizeof and offsetof as gcc prints them");

        byte[] cBytes = Files.readAllBytes(cFile);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(cFile, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            Pixel[] read = new Pixel[3];
            PIXEL.readArray(view, 0, read, 0, 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(expected(i), read[i], "pixel " + i + " as C wrote it");
                assertEquals(expected(i), PIXEL.read(view, i * PIXEL.byteSize()));
            }
        }

        Path javaFile = dir.resolve("java-pixels.bin");
        Files.write(javaFile, new byte[cBytes.length]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(javaFile, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            PIXEL.writeArray(view, 0, new Pixel[] {expected(0), expected(1), expected(2)}, 0, 3);
        }
        assertArrayEquals(cBytes, Files.readAllBytes(javaFile), "the records written as C writes the structs");
    }

    private static Path compile(Path dir) throws Exception {
        Path source = dir.resolve("pixels.c");
        try (InputStream in = RecordLayoutCTest.class.getResourceAsStream("/records/pixels.c")) {
            Files.write(source, in.readAllBytes());
        }
        Path program = dir.resolve("pixels");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-O2", "-std=c11", "-o", program.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException missing) {
            assumeTrue(false, "gcc is missing (" + missing.getMessage() + "): the C layout test is skipped");
            throw missing;
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, gcc.waitFor(60, TimeUnit.SECONDS), "gcc did not finish");
        assertEquals(0, gcc.exitValue(), "gcc failed: " + output);
        return program;
    }

    private static String run(Path program, Path file) throws Exception {
        Process process = new ProcessBuilder(program.toString(), file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, process.waitFor(60, TimeUnit.SECONDS), "the C program did not finish");
        assertEquals(0, process.exitValue(), "the C program failed: " + output);
        return output;
    }
}
