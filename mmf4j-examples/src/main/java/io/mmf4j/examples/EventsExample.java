package io.mmf4j.examples;

import io.mmf4j.sync.EventResetMode;
import io.mmf4j.sync.NamedEvent;
import java.util.List;

/**
 * Two processes signal each other through named events: A starts B and waits until B says it is ready; B waits
 * for A's go, then A waits for B to finish. Both waits sleep in the kernel; neither process polls.
 */
public final class EventsExample {
    private EventsExample() {}

    /** Usage: EventsExample [NAME] (default "events"); "B NAME" is process B. */
    public static void main(String[] args) throws Exception {
        String name = args.length == 2 ? args[1] : args.length == 1 ? args[0] : "events";
        if (args.length == 2 && args[0].equals("B")) {
            try (NamedEvent ready = NamedEvent.openExisting(name + "-ready");
                 NamedEvent go = NamedEvent.openExisting(name + "-go")) {
                ready.set();                                 // wakes A
                go.await();                                  // sleeps until A sets it
                System.out.println("B got the go");
            }
            return;
        }
        try (NamedEvent ready = NamedEvent.create(name + "-ready", EventResetMode.AUTO_RESET, false);
             NamedEvent go = NamedEvent.create(name + "-go", EventResetMode.MANUAL_RESET, false)) {
            Process b = Examples.start(EventsExample.class, List.of("B", name));
            ready.await();                                   // sleeps until B is ready
            go.set();
            System.out.println("A saw B ready; B says: " + Examples.output(b));
        }
    }
}
