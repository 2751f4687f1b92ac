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
 * lines are untrusted text: a line that does not parse is skipped. Stateless and thread-safe.
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
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 6 || !fields[1].equals("FLOCK")) {
                    continue; // POSIX/OFD locks, and "->" waiters, are not holder marks
                }
                String[] where = fields[5].split(":");
                if (where.length != 3) {
                    continue;
                }
                try {
                    if (Long.parseLong(where[0], 16) == major && Long.parseLong(where[1], 16) == minor) {
                        holders.merge(Long.parseLong(where[2]), 1, Integer::sum);
                    }
                } catch (NumberFormatException notOurs) {
                    // not a line of the documented form: skip it
                }
            }
        }
        return holders;
    }
}
