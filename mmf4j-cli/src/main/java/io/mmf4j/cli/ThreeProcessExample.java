package io.mmf4j.cli;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.sync.EventResetMode;
import io.mmf4j.sync.NamedEvent;
import io.mmf4j.sync.NamedMutex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The .NET text's three-process example, with real separate JVMs. Process A creates the map "testmap" (10000
 * bytes) and the mutex "testmapmutex" and writes {@code true} at offset 0; process B opens both and writes
 * {@code false} at offset 1; process C writes {@code true} at offset 2; A reads all three back. Where the .NET
 * text has the user press ENTER, the processes tell each other with the auto-reset event "testmapevent".
 *
 * {@snippet :
 * ThreeProcessExample.run(System.out);   // this JVM is process A; it starts B and C itself
 * }
 *
 * <p>{@link #main} runs process B or C ({@code args[0]}); {@link #run} is process A. Not thread-safe: the names
 * are fixed, so one run at a time per user.
 */
public final class ThreeProcessExample {
    static final String MAP = "testmap";
    static final String MUTEX = "testmapmutex";
    static final String EVENT = "testmapevent";
    private static final int CHILD_SECONDS = 60;

    private ThreeProcessExample() {}

    /** Process B or C: {@code args[0]} is "B" or "C". */
    public static void main(String[] args) throws Exception {
        String role = args.length == 1 ? args[0] : "";
        long offset;
        boolean value;
        switch (role) {
            case "B" -> {
                offset = 1;
                value = false;
            }
            case "C" -> {
                offset = 2;
                value = true;
            }
            default -> throw new IllegalArgumentException("role must be B or C: " + String.join(" ", args));
        }
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(MAP);
             NamedMutex mutex = NamedMutex.openExisting(MUTEX);
             NamedEvent done = NamedEvent.openExisting(EVENT);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            System.out.println("opened map \"" + MAP + "\" and mutex \"" + MUTEX + "\" by name (pid "
                    + ProcessHandle.current().pid() + ")");
            mutex.lock();
            try {
                view.putBoolean(offset, value);
                System.out.println("holding the mutex, wrote " + pretty(value) + " at offset " + offset);
            } finally {
                mutex.unlock();
            }
            done.set();
            System.out.println("released the mutex and set event \"" + EVENT + "\" for process A");
        }
    }

    /** Process A: creates the map and the mutex, runs B and then C as child JVMs, and prints what they wrote. */
    public static void run(PrintStream out) throws IOException, InterruptedException {
        out.println("  Process A: creating map \"" + MAP + "\" (10000 bytes), mutex \"" + MUTEX
                + "\" (owned by A) and event \"" + EVENT + "\"");
        try (MemoryMappedFile map = MemoryMappedFile.createNew(MAP, 10000);
             NamedMutex mutex = NamedMutex.create(MUTEX, true);
             NamedEvent done = NamedEvent.create(EVENT, EventResetMode.AUTO_RESET, false);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putBoolean(0, true);
            mutex.unlock();
            out.println("  Process A: wrote True at offset 0 and released the mutex");
            for (String role : List.of("B", "C")) {
                out.println("  Process A: starting process " + role + " (a separate JVM) and waiting for its event");
                Process child = new ProcessBuilder(childCommand(role)).redirectErrorStream(true).start();
                child.getOutputStream().close();
                Thread relay = Thread.ofPlatform().daemon().start(() -> relay(child, role, out));
                if (!done.await(CHILD_SECONDS, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                    throw new IOException("process " + role + " did not set \"" + EVENT + "\" within "
                            + CHILD_SECONDS + " s");
                }
                if (!child.waitFor(CHILD_SECONDS, TimeUnit.SECONDS) || child.exitValue() != 0) {
                    child.destroyForcibly();
                    throw new IOException("process " + role + " failed (exit " + child.exitValue() + ")");
                }
                relay.join();
            }
            mutex.lock();
            try {
                out.println("  Process A: took the mutex again and reads the map:");
                out.println("Process A says: " + pretty(view.getBoolean(0)));
                out.println("Process B says: " + pretty(view.getBoolean(1)));
                out.println("Process C says: " + pretty(view.getBoolean(2)));
            } finally {
                mutex.unlock();
            }
        }
    }

    private static void relay(Process child, String role, PrintStream out) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println("  Process " + role + ": " + line);
            }
        } catch (IOException e) {
            out.println("  Process " + role + ": (output lost: " + e.getMessage() + ")");
        }
    }

    /** The same Java, on the same module path (or class path), running {@link #main} as {@code role}. */
    static List<String> childCommand(String role) {
        List<String> command = MmfChild.java(ThreeProcessExample.class);
        command.add(role);
        return command;
    }

    /** The .NET text prints booleans as "True" and "False". */
    private static String pretty(boolean value) {
        return value ? "True" : "False";
    }
}
