package io.mmf4j.examples;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.sync.NamedMutex;
import java.util.List;

/**
 * The .NET text's three-process example, complete: A creates a named map and a named mutex it owns, writes a
 * flag and releases the mutex; B and C each open both by name and write a flag under the mutex; A reads all
 * three. Where the text waits for ENTER presses, A starts B and C itself and waits for each to finish.
 */
public final class ThreeProcesses {
    private ThreeProcesses() {}

    /** Usage: ThreeProcesses [NAME] (default "testmap"); "B NAME" and "C NAME" are processes B and C. */
    public static void main(String[] args) throws Exception {
        if (args.length == 2) {
            writeUnderTheMutex(args[1], args[0].equals("B") ? 1 : 2, args[0].equals("C"));
        } else {
            processA(args.length > 0 ? args[0] : "testmap");
        }
    }

    static void processA(String name) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(name, 10000);
             NamedMutex mutex = NamedMutex.create(name + "mutex", true);   // A owns it from the start
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putBoolean(0, true);
            mutex.unlock();
            Examples.output(Examples.start(ThreeProcesses.class, List.of("B", name)));  // "start process B"
            Examples.output(Examples.start(ThreeProcesses.class, List.of("C", name)));  // "start process C"
            mutex.lock();
            try {
                System.out.println("Process A says: " + pretty(view.getBoolean(0)));
                System.out.println("Process B says: " + pretty(view.getBoolean(1)));
                System.out.println("Process C says: " + pretty(view.getBoolean(2)));
            } finally {
                mutex.unlock();
            }
        }
    }

    /** Processes B and C: open both by name, write one flag while holding the mutex. */
    static void writeUnderTheMutex(String name, long position, boolean value) throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.openExisting(name);
             NamedMutex mutex = NamedMutex.openExisting(name + "mutex");
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            mutex.lock();
            try {
                view.putBoolean(position, value);
            } finally {
                mutex.unlock();
            }
        }
    }

    /** The .NET text prints booleans as "True" and "False". */
    private static String pretty(boolean value) {
        return value ? "True" : "False";
    }
}
