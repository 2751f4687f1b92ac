package io.mmf4j.internal.heap;

/**
 * The 16-byte header in front of every block of a heap region (not of a large block, which has a region of its
 * own). The heap never steers by a header: the truth about every block is kept on the Java heap, where the
 * program cannot reach it. The header is a canary: {@code validate()} compares it with that truth, so a program
 * that writes past a block's end (or before its start) through a reinterpreted segment is found out.
 *
 * <pre>
 *   data - 16          data - 12          data - 8                       data
 *   +------------------+------------------+------------------------------+------------------------
 *   | MAGIC (int)      | SIZE (int)       | CHECK (long)                 | the block's bytes ...
 *   | BUSY or FREE     | sizeOf, or 0     | mix(word 0, data address,    |
 *   |                  |                  |     the heap's secret)       |
 *   +------------------+------------------+------------------------------+------------------------
 *   word 0 = MAGIC | SIZE << 32 (little-endian: magic first)
 * </pre>
 *
 * <p>Stateless.
 */
final class BlockHeaderDescriptor {
    static final long MAGIC_OFFSET = 0;
    static final long SIZE_OFFSET = 4;
    static final long CHECK_OFFSET = 8;
    static final int HEADER_SIZE = 16;

    /** "mmfH": a live block. */
    static final int BUSY = 0x48666d6d;
    /** "mmfF": a freed block. */
    static final int FREE = 0x46666d6d;

    private BlockHeaderDescriptor() {}

    /** Word 0 of a header: magic and size. */
    static long word0(int magic, long size) {
        return (magic & 0xFFFFFFFFL) | (size << 32);
    }

    /** The check word of a header with {@code word0} in front of {@code dataAddress}. */
    static long check(long word0, long dataAddress, long secret) {
        long x = (word0 ^ secret) * 0x9E3779B97F4A7C15L ^ dataAddress;
        return x ^ (x >>> 29) * 0xBF58476D1CE4E5B9L;
    }
}
