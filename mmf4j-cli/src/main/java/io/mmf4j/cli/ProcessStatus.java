package io.mmf4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Why a process has no user address space to walk, from {@code /proc/PID/status}: a kernel thread has no
 * {@code VmSize} line (it never had a user address space), a zombie ({@code State: Z}) has given its memory back
 * and waits only for its parent to collect its exit code.
 */
final class ProcessStatus {
    private ProcessStatus() {}

    /** One sentence saying why process {@code pid} has no regions. */
    static String describeEmpty(long pid) {
        List<String> status;
        try {
            status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException e) {
            return "process " + pid + " has no memory map (it may have just ended)";
        }
        String name = field(status, "Name:");
        String state = field(status, "State:");
        String who = "process " + pid + " (" + (name.isEmpty() ? "?" : name) + ")";
        if (state.startsWith("Z")) {
            return who + " is a zombie: it has ended and given its memory back; only its exit code waits for its parent";
        }
        if (field(status, "VmSize:").isEmpty()) {
            return who + " is a kernel thread: it has no user address space to walk";
        }
        return who + " has no regions in its memory map";
    }

    private static String field(List<String> status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).strip();
            }
        }
        return "";
    }
}
