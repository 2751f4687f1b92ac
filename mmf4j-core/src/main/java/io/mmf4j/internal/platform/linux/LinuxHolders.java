package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileIdentity;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the flock holders of files from {@code /proc/locks}, whose lines read
 * {@code "12: FLOCK  ADVISORY  READ  4242 00:1a:98765 0 EOF"} (id, type, mode, access, pid,
 * major:minor:inode in hex:hex:decimal, range); a waiting request reads {@code "12: -> FLOCK ..."} and holds
 * nothing. One reading serves one file ({@link #count}) or every file of a device ({@link #onDevice}): a
 * listing of n objects costs one pass over the table, not n. The table holds every lock of the machine, so its
 * lines are untrusted text: a line that does not parse is skipped. The kernel hands the table out a page at a
 * time and finds its place again by line number, so while other processes take and drop locks a line can be
 * skipped or repeated between two pages: a count is exact on a quiet table, and callers that must not miss a
 * holder confirm a zero with an exclusive probe. Stateless and thread-safe.
 */
final class LinuxHolders {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private LinuxHolders() {}

    static int count(FileIdentity file) throws IOException {
        return onDevice(file.device()).getOrDefault(file.inode(), 0);
    }

    /** The holder count of every file of device {@code dev} that has a holder, by inode; one pass over the table. */
    static Map<Long, Integer> onDevice(long dev) throws IOException {
        long major = ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
        long minor = ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
        Map<Long, Integer> holders = new HashMap<>();
        try (BufferedReader lines = Files.newBufferedReader(PROC_LOCKS, StandardCharsets.ISO_8859_1)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LinuxNamedObjects.OPERATIONS.increment();
                Line parsed = Line.parse(line);
                if (parsed != null && parsed.major() == major && parsed.minor() == minor) {
                    holders.merge(parsed.inode(), 1, Integer::sum);
                }
            }
        }
        return holders;
    }

    /** The file of one FLOCK line: {@code "ID: FLOCK MODE ACCESS PID MAJOR:MINOR:INODE START END"}. */
    record Line(long major, long minor, long inode) {

        /** The line's file, or {@code null} for a waiter, a POSIX or OFD lock, or a line of another form. */
        static Line parse(String line) {
            String[] fields = new String[6];
            int count = 0;
            int i = 0;
            int n = line.length();
            while (count < 6) {
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i == n) {
                    return null;
                }
                int start = i;
                while (i < n && line.charAt(i) != ' ') {
                    i++;
                }
                fields[count++] = line.substring(start, i);
            }
            if (!fields[1].equals("FLOCK")) {
                return null; // POSIX/OFD locks, and "->" waiters, are not holder marks
            }
            String where = fields[5];
            int first = where.indexOf(':');
            int second = where.indexOf(':', first + 1);
            if (first <= 0 || second <= first + 1 || second == where.length() - 1) {
                return null;
            }
            try {
                return new Line(Long.parseLong(where, 0, first, 16), Long.parseLong(where, first + 1, second, 16),
                        Long.parseLong(where, second + 1, where.length(), 10));
            } catch (NumberFormatException notOurs) {
                return null;
            }
        }
    }
}
