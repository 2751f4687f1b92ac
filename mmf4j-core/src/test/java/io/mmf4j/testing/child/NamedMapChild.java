package io.mmf4j.testing.child;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import io.mmf4j.MemoryMappedFileRights;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.SharedNamespace;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A second process for the named-map tests, using the exported API only. {@code args[0]} is the role,
 * {@code args[1]} the namespace directory ("-" for this user's default namespace, "global" for the global one), {@code args[2]} the name.
 * Roles that hold a map print a line and then hold it until their stdin closes.
 */
public final class NamedMapChild {
    private static final MemoryMappedFileAccess RW = MemoryMappedFileAccess.READ_WRITE;

    private NamedMapChild() {}

    public static void main(String[] args) throws Exception {
        SharedNamespace ns = switch (args[1]) {
            case "-" -> SharedNamespace.local();
            case "global" -> SharedNamespace.global(java.util.Set.of());
            default -> SharedNamespace.at(Path.of(args[1]));
        };
        String name = args[2];
        switch (args[0]) {
            case "write" -> { // the source texts' process A
                try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, name, Long.parseLong(args[3]), RW);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    byte[] text = args[4].getBytes(StandardCharsets.UTF_8);
                    view.writeArray(0, text, 0, text.length);
                    holdUntilStdinCloses("written");
                }
            }
            case "read" -> { // process B
                try (MemoryMappedFile map = MemoryMappedFile.openExisting(ns, name, MemoryMappedFileRights.READ);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    byte[] text = new byte[Integer.parseInt(args[3])];
                    view.readArray(0, text, 0, text.length);
                    System.out.println(new String(text, StandardCharsets.UTF_8));
                }
            }
            case "dll" -> dll(ns, name);
            case "add" -> {
                long count = Long.parseLong(args[3]);
                try (MemoryMappedFile map = MemoryMappedFile.openExisting(ns, name, MemoryMappedFileRights.READ_WRITE);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    view.getAndAddLong(0, 1); // "started": the parent waits for all, then sets the gate
                    while (view.getIntAcquire(64) == 0) {
                        Thread.onSpinWait();
                    }
                    for (long i = 0; i < count; i++) {
                        view.getAndAddLong(8, 1);
                    }
                }
                System.out.println("done");
            }
            case "hold" -> {
                try (MemoryMappedFile map = MemoryMappedFile.createOrOpen(ns, name, 1 << 20, RW);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    view.getAndAddLong(0, 1);
                    holdUntilStdinCloses("holding");
                }
            }
            case "open" -> { // prints what opening gave: the long at 0, or the exception's class
                try (MemoryMappedFile map = MemoryMappedFile.openExisting(ns, name, MemoryMappedFileRights.READ);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    System.out.println("opened " + view.getLong(0));
                } catch (Exception e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            case "list" -> {
                try {
                    System.out.println("listed " + ns.list().size());
                } catch (Exception e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            case "remove" -> { // prints "removed", or the exception's class
                try {
                    ns.remove(name);
                    System.out.println("removed");
                } catch (Exception e) {
                    System.out.println(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            case "inherited" -> {
                try (MemoryMappedFile map = MemoryMappedFile.openInherited();
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    System.out.println("inherited " + view.getLong(0) + " " + map.name().orElse("(anonymous)"));
                    view.putLong(8, view.getLong(0) + 1);
                }
            }
            default -> throw new IllegalArgumentException("unknown role " + args[0]);
        }
    }

    /**
     * The DLL pattern of the Win32 article: open; if no map exists, create it and initialise it; everyone
     * ends up with the initialised data. Initialisation is published by a release-store of a ready flag.
     */
    private static void dll(SharedNamespace ns, String name) throws Exception {
        while (true) {
            try (MemoryMappedFile map = MemoryMappedFile.openExisting(ns, name, MemoryMappedFileRights.READ_WRITE);
                 MemoryMappedViewAccessor view = map.createViewAccessor()) {
                while (view.getIntAcquire(0) == 0) {
                    Thread.onSpinWait();
                }
                holdUntilStdinCloses("opened " + view.getLong(8));
                return;
            } catch (NoSuchFileException missing) {
                try (MemoryMappedFile map = MemoryMappedFile.createNew(ns, name, 4096, RW);
                     MemoryMappedViewAccessor view = map.createViewAccessor()) {
                    view.putLong(8, 0xC0FFEEL);
                    view.putIntRelease(0, 1);
                    holdUntilStdinCloses("initialised " + view.getLong(8));
                    return;
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: open theirs
                }
            }
        }
    }

    private static void holdUntilStdinCloses(String line) throws Exception {
        System.out.println(line);
        System.out.flush();
        System.in.readAllBytes();
    }
}
