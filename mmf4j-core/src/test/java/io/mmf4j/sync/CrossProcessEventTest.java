package io.mmf4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.child.EventWaiterChild;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Events between real JVMs: 3 waiting processes, auto-reset and manual-reset. */
class CrossProcessEventTest {

    /** Starts 3 children that wait once on {@code name} and waits until each says it is waiting. */
    private static List<ChildLines> waiters(String name) throws Exception {
        List<ChildLines> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(new ChildLines(EventWaiterChild.class, name, "once"));
        }
        for (ChildLines child : children) {
            child.expect("waiting", 30);
        }
        Thread.sleep(200); // from "waiting" to asleep in the kernel
        return children;
    }

    private static void closeAll(List<ChildLines> children) throws Exception {
        for (ChildLines child : children) {
            child.close();
        }
    }

    @Test
    void autoResetWakesExactlyOneWaitingProcessPerSet() throws Exception {
        String name = "sync-test-auto-" + UUID.randomUUID();
        try (NamedEvent event = NamedEvent.create(name, EventResetMode.AUTO_RESET, false)) {
            List<ChildLines> children = waiters(name);
            try {
                int[] wakes = new int[children.size()];
                for (int set = 1; set <= 3; set++) {
                    assertTrue(event.set());
                    int woken = 0;
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (woken == 0 && System.nanoTime() < deadline) {
                        for (int i = 0; i < children.size(); i++) {
                            if (children.get(i).poll(5) != null) {
                                wakes[i]++;
                                woken++;
                            }
                        }
                    }
                    // give a wrongly woken second process time to report itself
                    for (int i = 0; i < children.size(); i++) {
                        if (children.get(i).poll(i == 0 ? 300 : 1) != null) {
                            wakes[i]++;
                            woken++;
                        }
                    }
                    assertEquals(1, woken, "set #" + set + " must let exactly one process through");
                }
                for (int i = 0; i < wakes.length; i++) {
                    assertEquals(1, wakes[i], "process " + i + " woke " + wakes[i] + " times");
                }
                for (ChildLines child : children) {
                    assertNull(child.poll(0), "no extra output");
                    assertTrue(child.process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
                    assertEquals(0, child.process.exitValue(), child.stderr());
                }
            } finally {
                closeAll(children);
            }
        }
    }

    @Test
    void manualResetWakesEveryWaitingProcessAndStaysSet() throws Exception {
        String name = "sync-test-manual-" + UUID.randomUUID();
        try (NamedEvent event = NamedEvent.create(name, EventResetMode.MANUAL_RESET, false)) {
            List<ChildLines> children = waiters(name);
            try {
                assertTrue(event.set());
                for (ChildLines child : children) {
                    child.expect("woke", 10);
                }
                assertTrue(event.isSet(), "a manual-reset event stays set");
            } finally {
                closeAll(children);
            }
        }
    }
}
