package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user tripped over: files without a page cache, residency the kernel will not tell, an evict that
 * evicted nothing, processes with no address space, usage errors that must exit 2, and counts in plain English.
 */
class CliDefectsIT {
    @TempDir
    Path dir;

    @Test
    void filesWithoutPagesAreRefusedNotReportedAsZeroPages() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        MmfProcess.run("residency", "/dev/null").failsWithOneLine(1, "/dev/null is not a regular file");
        MmfProcess.run("residency", fifo.toString()).failsWithOneLine(1, "is not a regular file");
        MmfProcess.run("residency", "/proc/self/status").failsWithOneLine(1, "is on proc");
        MmfProcess.run("load", "/dev/null").failsWithOneLine(1, "/dev/null is not a regular file");
    }

    @Test
    void residencyTheKernelWillNotTellIsUnknownNotFull() throws Exception {
        // mincore answers nobody about a root-owned file it may not write with "every page resident"
        Path file = dir.resolve("roots.bin");
        Files.write(file, new byte[3 * 4096]);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        MmfProcess.Result result = MmfProcess.runAsNobody("residency", file.toString()).exits(0);
        assertTrue(result.out().contains("residency unknown"), result.out());
        assertFalse(result.out().contains("100.0%"), result.out());
    }

    @Test
    void evictOnTmpfsSaysNothingWasEvicted() throws Exception {
        Path file = Path.of("/dev/shm", "mmf4j-cli-defects-" + ProcessHandle.current().pid());
        try {
            Files.write(file, new byte[2 * 4096]);
            MmfProcess.Result result = MmfProcess.run("evict", file.toString()).exits(0);
            assertTrue(result.out().startsWith("evict " + file + ": nothing left the page cache; 2 of 2 pages stayed"),
                    result.out());
            assertFalse(result.out().contains("evicted"), result.out());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void countsAreSingularOrPlural() throws Exception {
        Path file = dir.resolve("one.txt");
        Files.writeString(file, "1234567");
        assertTrue(MmfProcess.runWithInput(new byte[] {'x'}, "write", file.toString()).exits(0).out()
                .startsWith("wrote 1 byte to"));
        Path other = dir.resolve("missing.txt");
        MmfProcess.Result both = MmfProcess.run("residency", file.toString(), other.toString()).exits(1);
        assertTrue(both.out().contains("in 1 file\n"), both.out());
    }

    @Test
    void badProcessIdsAreUsageErrors() throws Exception {
        MmfProcess.run("walk", "0").failsWithOneLine(2, "a process id is a positive number, not 0");
        MmfProcess.run("walk", "-5").failsWithOneLine(2, "-5");
        MmfProcess.run("walk", "--no-such-option").failsWithOneLine(2, "Unknown option: '--no-such-option'");
    }

    @Test
    void kernelThreadsAndZombiesHaveNoAddressSpace() throws Exception {
        MmfProcess.run("walk", "2").failsWithOneLine(1, "is a kernel thread");
        // bash's background child ends half a second later, when bash has become sleep (exec), which never reaps
        // it: it stays a zombie. (Ending at once, bash itself could reap it before the exec on a slow machine.)
        Process parent = new ProcessBuilder("bash", "-c", "sleep 0.5 & echo $!; exec sleep 30").start();
        try {
            String zombie = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            Path status = Path.of("/proc", zombie, "status");
            for (int i = 0; i < 1000 && !Files.readString(status).contains("State:\tZ"); i++) {
                Thread.sleep(10);
            }
            MmfProcess.run("walk", zombie).failsWithOneLine(1, "is a zombie");
        } finally {
            parent.destroyForcibly();
            parent.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnwritableSvgFailsBeforeTheTableIsPrinted() throws Exception {
        MmfProcess.Result result = MmfProcess.run("walk", Long.toString(ProcessHandle.current().pid()), "--svg",
                "/nonexistent/x.svg").failsWithOneLine(1, "cannot write the SVG picture to /nonexistent/x.svg");
        assertEquals("", result.out());
    }
}
