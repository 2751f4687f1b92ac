package io.mmf4j.internal.heap;

/**
 * The size classes of small blocks: steps of 16 bytes up to 1 KiB (64 classes), then eight classes per doubling
 * up to {@link #SMALL_MAX} (40 classes), so rounding wastes at most 1/8 of a block above 1 KiB. Each class lives in
 * spans: runs of pages holding slots of one stride (header + class size); a span holds at least eight slots and
 * is at least 64 KiB, so a span's unused tail is under 1/8 of it — most often under 2%.
 *
 * <p>Stateless; the tables are built once.
 */
final class SizeClasses {
    /** The largest small block; larger ones take a run of pages. */
    static final int SMALL_MAX = 32 * 1024;
    static final int COUNT = 64 + 5 * 8;
    private static final int MIN_SPAN = 64 * 1024;

    private static final int[] SIZE = new int[COUNT];

    static {
        for (int c = 0; c < 64; c++) {
            SIZE[c] = (c + 1) * 16;
        }
        for (int d = 0; d < 5; d++) {
            int base = 1024 << d;
            int step = base / 8;
            for (int i = 0; i < 8; i++) {
                SIZE[64 + d * 8 + i] = base + (i + 1) * step;
            }
        }
    }

    private SizeClasses() {}

    /** The class of a block of {@code size} bytes, {@code 0 <= size <= SMALL_MAX}. */
    static int classOf(long size) {
        if (size <= 1024) {
            return size == 0 ? 0 : (int) ((size - 1) >>> 4);
        }
        int e = 63 - Long.numberOfLeadingZeros(size - 1);
        return 64 + (e - 10) * 8 + (int) ((size - 1 - (1L << e)) >>> (e - 3));
    }

    static int size(int sizeClass) {
        return SIZE[sizeClass];
    }

    static int stride(int sizeClass) {
        return SIZE[sizeClass] + BlockHeaderDescriptor.HEADER_SIZE;
    }

    /** The pages of a span of {@code sizeClass} for pages of {@code pageSize} bytes. */
    static int spanPages(int sizeClass, long pageSize) {
        long bytes = Math.max(MIN_SPAN, 8L * stride(sizeClass));
        return (int) ((bytes + pageSize - 1) / pageSize);
    }
}
