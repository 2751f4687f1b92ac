package io.mmf4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A byte range of a file, {@code [from, to)}, as vmtouch's {@code -p}: {@code 4K-1M}, {@code 64K-} (to the end),
 * {@code -1M} (from the start). Clipped to each file's size when used.
 */
record ByteRange(long from, long to) {
    static final ByteRange ALL = new ByteRange(0, Long.MAX_VALUE);

    ByteRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("a byte range runs from a smaller to a larger offset, not " + from + "-" + to);
        }
    }

    /** The start within a file of {@code size} bytes. */
    long start(long size) {
        return Math.min(from, size);
    }

    /** The end within a file of {@code size} bytes. */
    long end(long size) {
        return Math.min(to, size);
    }

    boolean isAll() {
        return from == 0 && to == Long.MAX_VALUE;
    }

    /** Parses {@code FROM-TO}; a missing end is the file's end, a missing start its start. */
    static final class Converter implements ITypeConverter<ByteRange> {
        @Override
        public ByteRange convert(String text) {
            String[] ends = Sizes.rangeEnds(text, "a byte range", "4K-1M, 64K- or -1M");
            String first = ends[0];
            String second = ends[1];
            long from = first.isEmpty() ? 0 : Sizes.parse(first, "range start");
            long to = second.isEmpty() ? Long.MAX_VALUE : Sizes.parse(second, "range end");
            if (to <= from) {
                throw new TypeConversionException("the range " + text + " is empty: its end must be past its start");
            }
            return new ByteRange(from, to);
        }
    }
}
