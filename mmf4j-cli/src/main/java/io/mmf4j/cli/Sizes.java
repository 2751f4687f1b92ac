package io.mmf4j.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Byte counts as people write them ({@code 4096}, {@code 0x1000}, {@code 64K}, {@code 1MiB}, {@code 2g}; binary
 * units) and as people read them ({@code 1.5 MiB}). Parsing failures are usage errors (exit code 2).
 */
final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(?i)(0x[0-9a-f]+|\\d+)\\s*(([kmgtp])(i?b)?|b)?");
    private static final String UNITS = "KMGTP";

    private Sizes() {}

    /** Parses a non-negative byte count; {@code what} names the value in the message. */
    static long parse(String text, String what) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new TypeConversionException("'" + text + "' is not a " + what
                    + (text.strip().startsWith("-") ? " (it must not be negative)" : " (use e.g. 4096, 0x1000, 64K, 1M, 2G)"));
        }
        String digits = m.group(1);
        long value;
        try {
            value = digits.toLowerCase(Locale.ROOT).startsWith("0x")
                    ? Long.parseLong(digits.substring(2), 16) : Long.parseLong(digits);
            if (m.group(3) != null) {
                int shift = 10 * (UNITS.indexOf(Character.toUpperCase(m.group(3).charAt(0))) + 1);
                if (value > (Long.MAX_VALUE >> shift)) {
                    throw new NumberFormatException();
                }
                value <<= shift;
            }
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + text + "' is too large for a " + what);
        }
        return value;
    }

    /** "1.5 MiB", "4.0 KiB", "512 B". */
    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length() - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %siB" : "%.1f %siB", value, UNITS.charAt(unit));
    }

    /**
     * The two ends of a {@code FROM-TO} range as written (either may be empty: an open end); {@code what} and
     * {@code example} go into the message when there is no dash.
     */
    static String[] rangeEnds(String text, String what, String example) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            throw new TypeConversionException("'" + text + "' is not " + what + " (use FROM-TO, e.g. " + example + ")");
        }
        return new String[] {text.substring(0, dash).strip(), text.substring(dash + 1).strip()};
    }

    /** {@code 1 file}, {@code 2 files}: a count with its noun, singular or plural. */
    static String count(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    /** Bytes per second as "1.2 GiB/s". */
    static String rate(long bytes, long nanos) {
        if (nanos <= 0) {
            return "-";
        }
        return human((long) (bytes * 1e9 / nanos)) + "/s";
    }

    /** "0.84 s" or "12 ms". */
    static String duration(long nanos) {
        return nanos >= 1_000_000_000L
                ? String.format(Locale.ROOT, "%.2f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    /** A size such as a map capacity: must be positive. */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            long value = parse(text, "size");
            if (value == 0) {
                throw new TypeConversionException("a size must be greater than zero, not '" + text + "'");
            }
            return value;
        }
    }

    /** An offset or a length: zero or more. */
    static final class Offset implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            return parse(text, "byte count");
        }
    }
}
