package io.mmf4j.examples;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.MemoryMappedViewStream;
import io.mmf4j.RecordLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The README's records section: a packed and a C-aligned record layout, kept in static final fields, reading and
 * writing one record, an array of them, and one from a stream, over a 4 KiB file; prints what it read back.
 */
public final class RecordsExample {
    private RecordsExample() {}

    record Color(short r, short g, short b, short a) {}
    record Pixel(byte kind, Color color, int count, boolean lit, double weight) {}

    static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class);   // 8 bytes, no padding
    static final RecordLayout<Pixel> PIXEL = RecordLayout.aligned(Pixel.class);  // as C lays out struct pixel: 32 bytes

    public static void main(String[] args) throws Exception {
        Path file = Files.createTempFile("mmf4j-records", ".bin");
        try {
            Files.write(file, new byte[4096]);
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
                 MemoryMappedViewAccessor view = map.createViewAccessor();
                 MemoryMappedViewStream stream = map.createViewStream()) {
                long position = 3500; // past the pixels
                Color c = COLOR.read(view, position);                     // in the view's byte order
                COLOR.write(view, position, new Color(c.r(), c.g(), c.b(), (short) 255));
                Pixel[] pixels = new Pixel[100];
                PIXEL.readArray(view, 0, pixels, 0, pixels.length);       // one every PIXEL.byteSize() bytes
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = new Pixel((byte) i, pixels[i].color(), 10 * i, i % 2 == 0, i / 4.0);
                }
                PIXEL.writeArray(view, 0, pixels, 0, pixels.length);
                stream.position(PIXEL.byteSize());
                Pixel next = PIXEL.read(stream);                          // a stream: at its position, moving past it
                StructLayout ffm = PIXEL.layout();                        // the FFM layout, padding included
                System.out.println(COLOR.read(view, position) + "; " + next + "; " + ffm.byteSize() + " bytes, count at "
                        + ffm.byteOffset(MemoryLayout.PathElement.groupElement("count")));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
