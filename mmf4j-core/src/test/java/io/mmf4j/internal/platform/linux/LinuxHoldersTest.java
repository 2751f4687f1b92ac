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
}
