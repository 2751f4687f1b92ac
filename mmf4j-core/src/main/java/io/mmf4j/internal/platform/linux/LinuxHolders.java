package io.mmf4j.internal.platform.linux;

import io.mmf4j.internal.platform.FileIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the flock holders of a file from {@code /proc/locks}, whose lines read
 * {@code "12: FLOCK  ADVISORY  READ  4242 00:1a:98765 0 EOF"} (id, type, mode, access, pid,
 * major:minor:inode in hex:hex:decimal, range); a waiting request reads {@code "12: -> FLOCK ..."} and holds
 * nothing. Stateless and thread-safe.
 */
final class LinuxHolders {
    private static final Path PROC_LOCKS = Path.of("/proc/locks");

    private LinuxHolders() {}

    static int count(FileIdentity file) throws IOException {
        long dev = file.device();
        long major = ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
        long minor = ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
        String key = Long.toHexString(major) + ":" + Long.toHexString(minor) + ":" + file.inode();
        String paddedKey = String.format("%02x:%02x:%d", major, minor, file.inode());
        int holders = 0;
        for (String line : Files.readAllLines(PROC_LOCKS)) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 6 || !fields[1].equals("FLOCK")) {
                continue; // POSIX/OFD locks, and "->" waiters, are not holder marks
            }
            String where = fields[5];
            if (where.equals(paddedKey) || where.equals(key)) {
                holders++;
            }
        }
        return holders;
    }
}
