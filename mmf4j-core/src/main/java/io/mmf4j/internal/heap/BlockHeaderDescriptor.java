package io.mmf4j.internal.heap;

/**
 * The 16-byte header in front of every block of a heap region (not of a large block, which has a region of its
 * own). The heap never steers by a header: the truth about every block is kept on the Java heap, where the
 * program cannot reach it. The header is a canary: {@code validate()} compares it with that truth, so a program
 * that writes past a block's end (or before its start) through a reinterpreted segment is found out. One 8-byte
 * store writes it (the first eight bytes are padding that keeps the data aligned to 16).
 *
 * <pre>
 *   data - 16                          data - 8           data - 4           data
 *   +----------------------------------+------------------+------------------+------------------------
 *   | PADDING (8 bytes, not written)   | CHECK (int)      | SIZE (int)       | the block's bytes ...
 *   |                                  | mix(state, size, | sizeOf (low 32   |
 *   |                                  |  address, secret)| bits), 0 if free |
 *   +----------------------------------+------------------+------------------+------------------------
 *   WORD_OFFSET = 8: CHECK | SIZE << 32 as one little-endian long
 * </pre>
 *
 * <p>Stateless.
 */
final class BlockHeaderDescriptor {
    static final long WORD_OFFSET = 8;
    static final long CHECK_OFFSET = 8;
    static final long SIZE_OFFSET = 12;
    static final int HEADER_SIZE = 16;

    /** The state salt of a live block ("mmfH"). */
    static final int BUSY = 0x48666d6d;
    /** The state salt of a freed block ("mmfF"). */
    static final int FREE = 0x46666d6d;

    private BlockHeaderDescriptor() {}

    /** The header word of a block in {@code state} of {@code size} bytes at {@code dataAddress}. */
    static long word(int state, long size, long dataAddress, long secret) {
        long x = (dataAddress ^ secret ^ (size * 0x9E3779B97F4A7C15L)) * 0xBF58476D1CE4E5B9L;
        int check = (int) (x >>> 32) ^ state;
        return (check & 0xFFFFFFFFL) | (size << 32);
    }
}
