package io.mmf4j.examples;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.RecordLayout;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The .NET text's large image: a view of the middle of an image file, every pixel a record of four shorts, read,
 * brightened and written back. The text's image is 1 GiB with a 512 MiB view at 256 MiB; the sizes are arguments.
 */
public final class LargeImage {
    private LargeImage() {}

    /** One pixel, as the .NET text's MyColor struct: four shorts, 8 bytes, packed. */
    record Color(short r, short g, short b, short a) {
        Color brighten(int amount) {
            return new Color(up(r, amount), up(g, amount), up(b, amount), up(a, amount));
        }

        private static short up(short value, int amount) {
            return (short) Math.min(Short.MAX_VALUE, value + amount);
        }
    }

    static final RecordLayout<Color> COLOR = RecordLayout.packed(Color.class); // 8 bytes, packed (see records)

    /** Usage: LargeImage [MIB] (default 1024: the text's 1 GiB image; the view is its middle half). */
    public static void main(String[] args) throws Exception {
        long mib = args.length > 0 ? Long.parseLong(args[0]) : 1024;
        Path image = Files.createTempFile("mmf4j-image", ".data");
        try {
            try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
                file.setLength(mib << 20);                           // a sparse, all-black image
            }
            long offset = (mib << 20) / 4;   // 256 megabytes of the text's 1 GiB
            long length = (mib << 20) / 2;   // 512 megabytes
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(image, FileMode.OPEN);
                 MemoryMappedViewAccessor view = map.createViewAccessor(offset, length)) {
                for (long i = 0; i < length; i += COLOR.byteSize()) {
                    Color color = COLOR.read(view, i);
                    COLOR.write(view, i, color.brighten(10));
                }
                System.out.println("brightened " + length / COLOR.byteSize() + " pixels; the first is now "
                        + view.read(0, Color.class));
            }
        } finally {
            Files.deleteIfExists(image);
        }
    }
}
