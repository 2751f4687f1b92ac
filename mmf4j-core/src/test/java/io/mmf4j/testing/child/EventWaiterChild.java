package io.mmf4j.testing.child;

import io.mmf4j.sync.NamedEvent;
import java.util.concurrent.TimeUnit;

/**
 * Opens the named event {@code args[0]}, prints "waiting", then waits on it again and again, printing "woke"
 * each time it is let through, until it is destroyed (or 60 s pass without a wake).
 */
public final class EventWaiterChild {
    public static void main(String[] args) throws Exception {
        try (NamedEvent event = NamedEvent.openExisting(args[0])) {
            System.out.println("waiting");
            System.out.flush();
            while (event.await(60, TimeUnit.SECONDS)) {
                System.out.println("woke");
                System.out.flush();
                if (args.length > 1 && args[1].equals("once")) {
                    return;
                }
            }
        }
    }
}
