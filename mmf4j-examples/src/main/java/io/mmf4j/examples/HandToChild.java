package io.mmf4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.mmf4j.InheritableMap;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import java.util.List;

/**
 * A map handed to a child process (the Win32 article's handle inheritance): even an anonymous map, which no name
 * can find, reaches the child as a token in its environment.
 */
public final class HandToChild {
    private HandToChild() {}

    /** Usage: HandToChild; with "child" it is the child. */
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("child")) {
            child();
            return;
        }
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);      // anonymous works too
             InheritableMap shared = map.inheritable()) {
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                byte[] text = "from the parent".getBytes(UTF_8);
                view.writeArray(0, text, 0, text.length);
            }
            Process child = shared.applyTo(new ProcessBuilder(Examples.command(HandToChild.class, List.of("child"))))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();   // sets MMF4J_INHERITED_MAP
            System.out.println("the child read: " + Examples.output(child));
        }
    }

    static void child() throws Exception {
        // in the child:
        try (MemoryMappedFile map = MemoryMappedFile.openInherited();             // or openInherited(token)
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            byte[] text = new byte[15];
            view.readArray(0, text, 0, text.length);
            System.out.println(new String(text, UTF_8));
        }
    }
}
