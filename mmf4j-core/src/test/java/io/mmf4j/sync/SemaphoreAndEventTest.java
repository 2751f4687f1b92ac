package io.mmf4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.TaskStat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Named semaphores and events between threads, each thread through its own handle (its own mapping). */
class SemaphoreAndEventTest {

    private static String uniqueName(String label) {
        return "sync-test-" + label + "-" + UUID.randomUUID();
    }

    @Test
    void semaphoreCountsPermitsAndRefusesToPassItsMaximum() throws Exception {
        String name = uniqueName("sem");
        try (NamedSemaphore semaphore = NamedSemaphore.create(name, 1, 2);
             NamedSemaphore other = NamedSemaphore.openExisting(name)) {
            assertEquals(2, other.maximumCount());
            assertTrue(other.tryAcquire());
            assertFalse(semaphore.tryAcquire());
            long start = System.nanoTime();
            assertFalse(semaphore.tryAcquire(30, TimeUnit.MILLISECONDS));
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(30));
            assertEquals(0, semaphore.release(2));
            SemaphoreFullException full = assertThrows(SemaphoreFullException.class, () -> other.release());
            assertTrue(full.getMessage().contains("maximum count 2"), full.getMessage());
            assertEquals(2, semaphore.availablePermits(), "a refused release changes nothing");
            assertThrows(IllegalArgumentException.class, () -> semaphore.release(0));
            assertThrows(IllegalArgumentException.class, () -> NamedSemaphore.create(uniqueName("bad"), 3, 2));
            assertThrows(IllegalArgumentException.class, () -> NamedSemaphore.create(uniqueName("bad"), -1, 2));
            assertThrows(IllegalArgumentException.class, () -> NamedSemaphore.create(uniqueName("bad"), 0, 0));
        }
    }

    @Test
    void semaphoreReleaseWakesASleepingWaiter() throws Exception {
        String name = uniqueName("sem-wake");
        try (NamedSemaphore semaphore = NamedSemaphore.create(name, 0, 10);
             NamedSemaphore other = NamedSemaphore.openExisting(name)) {
            CountDownLatch started = new CountDownLatch(2);
            AtomicInteger passed = new AtomicInteger();
            Thread[] waiters = new Thread[2];
            for (int i = 0; i < 2; i++) {
                waiters[i] = Thread.ofPlatform().start(() -> {
                    started.countDown();
                    try {
                        other.acquire();
                        passed.incrementAndGet();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                });
            }
            started.await();
            Thread.sleep(50);
            assertEquals(0, passed.get());
            semaphore.release(2);
            for (Thread waiter : waiters) {
                waiter.join(5_000);
            }
            assertEquals(2, passed.get());
            assertEquals(0, semaphore.availablePermits());
        }
    }

    @Test
    void autoResetEventLetsOneWaiterThroughPerSet() throws Exception {
        String name = uniqueName("auto");
        try (NamedEvent event = NamedEvent.create(name, EventResetMode.AUTO_RESET, false)) {
            AtomicInteger woke = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(3);
            Thread[] waiters = new Thread[3];
            for (int i = 0; i < 3; i++) {
                waiters[i] = Thread.ofPlatform().start(() -> {
                    try (NamedEvent mine = NamedEvent.openExisting(name)) {
                        started.countDown();
                        if (mine.await(10, TimeUnit.SECONDS)) {
                            woke.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
            }
            started.await();
            Thread.sleep(50);
            for (int set = 1; set <= 3; set++) {
                assertTrue(event.set());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (woke.get() < set && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Thread.sleep(50); // long enough for a second waiter to slip through if the event let it
                assertEquals(set, woke.get(), "after set #" + set);
                assertFalse(event.isSet(), "the waiter that passed reset it");
            }
            for (Thread waiter : waiters) {
                waiter.join(5_000);
            }
        }
    }

    @Test
    void manualResetEventLetsEveryoneThroughAndStaysSet() throws Exception {
        String name = uniqueName("manual");
        try (NamedEvent event = NamedEvent.create(name, EventResetMode.MANUAL_RESET, false)) {
            assertEquals(EventResetMode.MANUAL_RESET, event.mode());
            CountDownLatch started = new CountDownLatch(3);
            CompletableFuture<?>[] waiters = new CompletableFuture<?>[3];
            for (int i = 0; i < 3; i++) {
                waiters[i] = CompletableFuture.runAsync(() -> {
                    try (NamedEvent mine = NamedEvent.openExisting(name)) {
                        started.countDown();
                        assertTrue(mine.await(10, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, r -> Thread.ofPlatform().start(r));
            }
            started.await();
            Thread.sleep(50);
            assertTrue(event.set());
            CompletableFuture.allOf(waiters).get(5, TimeUnit.SECONDS);
            assertTrue(event.isSet(), "stays set");
            assertFalse(event.set(), "already set");
            assertTrue(event.await(0, TimeUnit.MILLISECONDS), "a later waiter passes at once");
            assertTrue(event.reset());
            assertFalse(event.await(20, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void aManualResetWaiterThatSleptThroughASetAndResetStillPasses() throws Exception {
        String name = uniqueName("pulse");
        try (NamedEvent event = NamedEvent.create(name, EventResetMode.MANUAL_RESET, false);
             NamedEvent other = NamedEvent.openExisting(name)) {
            for (int round = 0; round < 3; round++) {
                CountDownLatch started = new CountDownLatch(1);
                AtomicReference<Path> task = new AtomicReference<>();
                CompletableFuture<Boolean> passed = CompletableFuture.supplyAsync(() -> {
                    try {
                        task.set(Path.of("/proc").resolve(Files.readSymbolicLink(Path.of("/proc/thread-self"))));
                        started.countDown();
                        return other.await(2, TimeUnit.SECONDS);
                    } catch (InterruptedException | IOException e) {
                        throw new AssertionError(e);
                    }
                }, r -> Thread.ofPlatform().start(r));
                started.await();
                awaitAsleep(task.get()); // asleep in the kernel: it has read the generation
                event.set();
                event.reset(); // before the waiter can run: only the generation tells it a set happened
                assertTrue(passed.get(5, TimeUnit.SECONDS), "round " + round);
            }
        }
    }

    /**
     * Returns once the thread of {@code task} (its /proc/PID/task/TID) has been asleep (state S) for a while, not
     * after a fixed sleep, which a stalled waiter can outlast (a GC pause, a loaded CI machine).
     */
    private static void awaitAsleep(Path task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int asleep = 0;
        while (asleep < 5) { // five looks 10 ms apart: not a passing sleep on the way to the futex
            char state = TaskStat.state(task);
            asleep = state == 'S' ? asleep + 1 : 0;
            assertTrue(System.nanoTime() < deadline, "the waiter never slept: state " + state);
            Thread.sleep(10);
        }
    }

    @Test
    void closingAnEventWhileAnotherThreadWaitsOnItEndsThatWaitWithIllegalStateException() throws Exception {
        NamedEvent event = NamedEvent.create(uniqueName("close-while-waiting"), EventResetMode.AUTO_RESET, false);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            try {
                event.await(10, TimeUnit.SECONDS);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }, r -> Thread.ofPlatform().start(r));
        started.await();
        Thread.sleep(50); // asleep in the kernel, on the memory the close unmaps
        event.close();
        Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
        assertTrue(thrown instanceof IllegalStateException, "expected IllegalStateException, got " + thrown);
    }

    @Test
    void initialStateAndUseAfterClose() throws Exception {
        NamedEvent event = NamedEvent.create(uniqueName("initial"), EventResetMode.AUTO_RESET, true);
        assertTrue(event.await(0, TimeUnit.SECONDS), "created set");
        assertFalse(event.isSet(), "an auto-reset event resets as a waiter passes");
        event.close();
        event.close();
        assertThrows(IllegalStateException.class, event::set);
        assertThrows(IllegalStateException.class, () -> event.await(1, TimeUnit.MILLISECONDS));
        NamedSemaphore semaphore = NamedSemaphore.create(uniqueName("closed"), 1, 1);
        semaphore.close();
        semaphore.close();
        assertThrows(IllegalStateException.class, semaphore::tryAcquire);
        assertThrows(IllegalStateException.class, semaphore::release);
    }
}
