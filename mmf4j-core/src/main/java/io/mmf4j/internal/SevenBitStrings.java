package io.mmf4j.internal;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * .NET's {@code BinaryWriter} string format, as view streams read and write it: the UTF-8 byte count as a 7-bit
 * encoded int (low seven bits first, the high bit set on every byte but the last), then the bytes. Stateless.
 */
final class SevenBitStrings {
    /** The most bytes a 7-bit encoded int takes. */
    private static final int MAX_PREFIX = 5;

    /** The next byte of whatever a length prefix is read from. */
    @FunctionalInterface
    interface ByteSource {
        byte next() throws IOException;
    }

    private SevenBitStrings() {}

    /** The bytes of the prefix of a string of {@code length} bytes. */
    static int prefixLength(int length) {
        int prefix = 1;
        for (int rest = length >>> 7; rest != 0; rest >>>= 7) {
            prefix++;
        }
        return prefix;
    }

    /** Reads a length prefix; {@code IOException} naming {@code where} if it is longer than five bytes or negative. */
    static int readLength(ByteSource source, long where) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 7 * MAX_PREFIX; shift += 7) {
            byte b = source.next();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result < 0) {
                    break;
                }
                return result;
            }
        }
        throw new IOException("bad string length prefix at " + where);
    }

    /** Writes the prefix and {@code bytes} at {@code at}, which has room for {@code prefixLength + bytes.length}. */
    static void write(MemorySegment segment, long at, byte[] bytes) {
        int length = bytes.length;
        while (length >= 0x80) {
            segment.set(ValueLayout.JAVA_BYTE, at++, (byte) (length | 0x80));
            length >>>= 7;
        }
        segment.set(ValueLayout.JAVA_BYTE, at++, (byte) length);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, at, bytes.length);
    }
}
