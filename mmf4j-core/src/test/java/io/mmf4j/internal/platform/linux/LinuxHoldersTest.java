package io.mmf4j.internal.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The /proc/locks line parser: holder marks counted, everything else (untrusted text) passed over. */
class LinuxHoldersTest {

    @Test
    void flockLinesGiveTheirFileAndEverythingElseNothing() {
        assertEquals(new LinuxHolders.Line(0, 0x1a, 98765),
                LinuxHolders.Line.parse("12: FLOCK  ADVISORY  READ  4242 00:1a:98765 0 EOF"));
        assertEquals(new LinuxHolders.Line(0x103, 0x2, 7), LinuxHolders.Line.parse("3: FLOCK ADVISORY WRITE 1 103:02:7 0 EOF"));
        assertNull(LinuxHolders.Line.parse("12: -> FLOCK  ADVISORY  WRITE 4243 00:1a:98765 0 EOF"));
        assertNull(LinuxHolders.Line.parse("1: POSIX  ADVISORY  WRITE 99 00:1a:5 0 EOF"));
        assertNull(LinuxHolders.Line.parse("2: OFDLCK ADVISORY  READ  -1 00:1a:5 0 EOF"));
        for (String junk : new String[] {"", "   ", "1: FLOCK", "1: FLOCK A R 1 00:1a 0 EOF", "1: FLOCK A R 1 zz:1a:5 0",
                "1: FLOCK A R 1 00:1a:-x 0", "1: FLOCK A R 1 ::5 0", "1: FLOCK A R 1 00:1a: 0"}) {
            assertNull(LinuxHolders.Line.parse(junk), junk);
        }
    }

    @Test
    void aTableIsCountedByInodeOnOneDeviceInOnePass() {
        long dev = (0x1aL << 0); // major 0, minor 0x1a, as glibc's makedev packs it
        String table = String.join("\n",
                "1: FLOCK  ADVISORY  READ  4242 00:1a:98765 0 EOF",
                "2: FLOCK  ADVISORY  READ  4243 00:1a:98765 0 EOF",
                "2: -> FLOCK  ADVISORY  WRITE 4244 00:1a:98765 0 EOF",
                "3: FLOCK  ADVISORY  READ  4245 00:1a:7 0 EOF",
                "4: OFDLCK ADVISORY  READ  -1 00:1a:7 0 EOF",
                "5: FLOCK  ADVISORY  READ  4246 00:1b:7 0 EOF",
                "garbage 00:1a:7",
                "6: FLOCK  ADVISORY  READ  4247 00:1a:7 0 EOF"); // no final newline: the last line counts too
        byte[] bytes = table.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        InodeCounts counts = LinuxHolders.count(bytes, bytes.length, dev);
        assertEquals(2, counts.get(98765));
        assertEquals(2, counts.get(7));
        assertEquals(0, counts.get(8));
        assertEquals(2, counts.size());
    }

    @Test
    void inodeCountsGrowAndStayExact() {
        InodeCounts counts = new InodeCounts();
        for (long inode = 0; inode < 20_000; inode++) {
            for (int k = 0; k <= inode % 3; k++) {
                counts.add(inode * 4096 + 1);
            }
        }
        assertEquals(20_000, counts.size());
        for (long inode = 0; inode < 20_000; inode++) {
            assertEquals(1 + inode % 3, counts.get(inode * 4096 + 1));
            assertEquals(0, counts.get(inode * 4096 + 2));
        }
    }
}
