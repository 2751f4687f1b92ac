package io.mmf4j.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A range of addresses {@code [from, to)}, compared as unsigned 64-bit numbers (the kernel's vsyscall page lies at
 * {@code 0xffffffffff600000}). Written {@code FROM-TO} in hex ({@code 0x7f00...}) or as sizes; an end may be
 * left out.
 */
record AddressRange(long from, long to) {
    static final AddressRange ALL = new AddressRange(0, -1L);

    boolean overlaps(long start, long end) {
        return Long.compareUnsigned(start, to) < 0 && Long.compareUnsigned(from, end) < 0;
    }

    static final class Converter implements ITypeConverter<AddressRange> {
        @Override
        public AddressRange convert(String text) {
            String[] ends = Sizes.rangeEnds(text, "an address range", "0x7f0000000000-0x800000000000");
            String first = ends[0];
            String second = ends[1];
            long from = first.isEmpty() ? 0 : address(first);
            long to = second.isEmpty() ? -1L : address(second);
            if (Long.compareUnsigned(to, from) <= 0) {
                throw new TypeConversionException("the address range " + text + " is empty: its end must be past its start");
            }
            return new AddressRange(from, to);
        }

        private static long address(String text) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("0x")) {
                try {
                    return Long.parseUnsignedLong(lower.substring(2), 16);
                } catch (NumberFormatException e) {
                    throw new TypeConversionException("'" + text + "' is not an address");
                }
            }
            return Sizes.parse(text, "address");
        }
    }
}
