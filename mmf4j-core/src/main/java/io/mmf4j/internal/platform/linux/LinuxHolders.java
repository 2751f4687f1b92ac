package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the flock holders of files from {@code /proc/locks}, whose lines read
 * {@code "12: FLOCK  ADVISORY  READ  4242 00:1a:98765 0 EOF"} (id, type, mode, access, pid,
 * major:minor:inode in hex:hex:decimal, range); a waiting request reads {@code "12: -> FLOCK ..."} and holds
 * nothing. One reading serves one file ({@link #count}) or every file of a device ({@link #onDevice}): a
 * listing of n objects costs one pass over the table, not n. The table is read whole as bytes and parsed in
 * place, with no object per line. It holds every lock of the machine, so its lines are untrusted text: a line
 * that does not parse is skipped. The kernel hands the table out a page at a time and finds its place again by
 * line number, so while other processes take and drop locks a line can be skipped or repeated between two
 * pages: a count is exact on a quiet table, and callers that must not miss a holder confirm a zero with an
 * exclusive probe. Stateless and thread-safe.
 */
final class LinuxHolders {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");
    private static final byte[] FLOCK = "FLOCK".getBytes(StandardCharsets.ISO_8859_1);

    private LinuxHolders() {}

    static int count(FileIdentity file) throws IOException {
        return onDevice(file.device()).get(file.inode());
    }

    /** The holder count of every file of device {@code dev} that has a holder, by inode; one pass over the table. */
    static InodeCounts onDevice(long dev) throws IOException {
        byte[] table;
        try (InputStream in = Files.newInputStream(PROC_LOCKS)) {
            table = in.readAllBytes();
        }
        return count(table, table.length, dev);
    }

    /** The counts of {@code table}'s first {@code length} bytes (lines of /proc/locks) on device {@code dev}. */
    static InodeCounts count(byte[] table, int length, long dev) {
        long major = ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
        long minor = ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
        InodeCounts holders = new InodeCounts();
        long[] file = new long[3];
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && table[end] != '\n') {
                end++;
            }
            LinuxNamedObjects.OPERATIONS.increment();
            if (parse(table, start, end, file) && file[0] == major && file[1] == minor) {
                holders.add(file[2]);
            }
            start = end + 1;
        }
        return holders;
    }

    /**
     * Parses the line {@code text[start, end)}: true, with {@code file} = {major, minor, inode}, for a FLOCK
     * holder's line; false for a waiter, a POSIX or OFD lock, or a line of another form.
     */
    static boolean parse(byte[] text, int start, int end, long[] file) {
        int i = start;
        int fieldStart = 0;
        int fieldEnd = 0;
        for (int field = 0; field < 6; field++) {
            while (i < end && text[i] == ' ') {
                i++;
            }
            if (i == end) {
                return false;
            }
            fieldStart = i;
            while (i < end && text[i] != ' ') {
                i++;
            }
            fieldEnd = i;
            if (field == 1 && !java.util.Arrays.equals(text, fieldStart, fieldEnd, FLOCK, 0, FLOCK.length)) {
                return false; // POSIX/OFD locks, and "->" waiters, are not holder marks
            }
        }
        int first = indexOf(text, fieldStart, fieldEnd, (byte) ':');
        int second = first < 0 ? -1 : indexOf(text, first + 1, fieldEnd, (byte) ':');
        if (second < 0) {
            return false;
        }
        long major = number(text, fieldStart, first, 16);
        long minor = number(text, first + 1, second, 16);
        long inode = number(text, second + 1, fieldEnd, 10);
        if (major < 0 || minor < 0 || inode < 0) {
            return false;
        }
        file[0] = major;
        file[1] = minor;
        file[2] = inode;
        return true;
    }

    private static int indexOf(byte[] text, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (text[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The unsigned number of digits {@code text[from, to)} in {@code radix}; -1 if empty, not digits, or too long. */
    private static long number(byte[] text, int from, int to, int radix) {
        if (from >= to || to - from > (radix == 16 ? 15 : 18)) {
            return -1; // at most 60 bits of hex or 18 decimal digits: no overflow, and far past any device or inode
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text[i], radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
        }
        return value;
    }

    /** The file of one FLOCK line: {@code "ID: FLOCK MODE ACCESS PID MAJOR:MINOR:INODE START END"}. */
    record Line(long major, long minor, long inode) {

        /** The line's file, or {@code null} for a waiter, a POSIX or OFD lock, or a line of another form. */
        static Line parse(String line) {
            byte[] text = line.getBytes(StandardCharsets.ISO_8859_1);
            long[] file = new long[3];
            return LinuxHolders.parse(text, 0, text.length, file) ? new Line(file[0], file[1], file[2]) : null;
        }
    }
}
