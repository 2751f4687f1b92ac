package io.mmf4j.cli;

import io.mmf4j.FileMode;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedViewAccessor;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The .NET text's persisted-file scenario for {@code mmf demo}: a view of one part of an extremely large file
 * (from the 256th to the 768th megabyte), its colour records read, brightened and written back in place.
 * The file is sparse, so the demo costs no disk for the parts it never writes; it brightens the first MiB of
 * the view rather than all 512 MiB, to stay quick, and shows that only the pages it touched came into memory.
 */
final class BrightenDemo {
    private static final long OFFSET = 0x1000_0000L; // 256 megabytes, as in the text
    private static final long LENGTH = 0x2000_0000L; // 512 megabytes
    private static final long BRIGHTENED = 1 << 20;

    /** The text's {@code MyColor} struct: four shorts, packed, little-endian. */
    public record MyColor(short red, short green, short blue, short alpha) {
        MyColor brighten(short value) {
            return new MyColor(up(red, value), up(green, value), up(blue, value), up(alpha, value));
        }

        private static short up(short channel, short value) {
            return (short) Math.min(Short.MAX_VALUE, channel + value);
        }
    }

    private BrightenDemo() {}

    static void run(PrintStream out, Path dir) throws Exception {
        out.println("== A view of part of an extremely large file: brighten the colours in place ==");
        Path file = dir.resolve("ExtremelyLargeImage.data");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(1L << 30); // sparse: 1 GiB of size, no disk used until written
        }
        out.println("  made " + file.getFileName() + ", 1 GiB (sparse: it takes no disk space until written)");
        long colorSize = MemoryMappedViewAccessor.sizeOf(MyColor.class);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN);
             MemoryMappedViewAccessor view = map.createViewAccessor(OFFSET, LENGTH)) {
            out.println("  mapped a view from the 256th to the 768th megabyte: 512 MiB of address space, "
                    + "no memory used yet");
            long records = 0;
            for (long i = 0; i < BRIGHTENED; i += colorSize) {
                view.write(i, view.read(i, MyColor.class).brighten((short) 10));
                records++;
            }
            out.printf(Locale.ROOT, "  read, brightened by 10 and wrote back %,d MyColor records (%d bytes each) "
                    + "in the view's first MiB%n", records, colorSize);
            boolean[] pages = view.residency();
            out.printf(Locale.ROOT, "  only that part came into memory, with the kernel's read-ahead: %,d of %,d pages"
                    + " (see 'mmf residency')%n", ResidencyCommand.count(pages), pages.length);
            out.println("  the first colour of the view is now " + view.read(0, MyColor.class));
        }
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0,
                MemoryMappedFileAccess.READ);
             MemoryMappedViewAccessor whole = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            out.println("  a new view of the whole file finds it at file offset 0x10000000: " + whole.read(OFFSET, MyColor.class));
            out.println("  and the colour just before the view untouched:            "
                    + whole.read(OFFSET - colorSize, MyColor.class));
        }
        out.println();
    }
}
