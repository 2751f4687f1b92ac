package io.mmf4j.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.NamedObjectKind;
import io.mmf4j.sync.NamedEvent;
import io.mmf4j.sync.EventResetMode;
import io.mmf4j.testing.TaskStat;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The message-queue contract within one process: sizes, ordering, waits, timeouts, interrupts, close. */
class MessageQueueTest extends QueueTestBase {

    @Test
    void messagesOfEverySizeFromZeroToTheMaximumArriveInOrderAndIntact() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "sizes", 7, 100)) {
            assertEquals(7, q.maxMessages());
            assertEquals(100, q.maxMessageSize());
            for (int round = 0; round < 3; round++) { // wraps the ring of 7 slots several times
                for (int len = 0; len <= 100; len++) {
                    byte[] m = pattern(len, round);
                    if (len % 2 == 0) {
                        assertTrue(q.trySend(m));
                    } else {
                        try (Arena arena = Arena.ofConfined()) {
                            assertTrue(q.trySend(arena.allocate(len).copyFrom(MemorySegment.ofArray(m))));
                        }
                    }
                    assertEquals(1, q.size());
                    assertArrayEquals(m, q.tryReceive(), "length " + len);
                }
            }
            assertNull(q.tryReceive());
            assertThrows(IllegalArgumentException.class, () -> q.trySend(new byte[101]));
            assertThrows(IllegalArgumentException.class, () -> q.send(MemorySegment.ofArray(new byte[101])));
            assertEquals(0, q.size());
        }
    }

    @Test
    void aFullQueueRefusesTrySendAndATimedSendTimesOut() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "full", 4, 8)) {
            for (int i = 0; i < 4; i++) {
                assertTrue(q.trySend(new byte[] {(byte) i}));
            }
            assertEquals(4, q.size());
            assertFalse(q.trySend(new byte[1]));
            assertFalse(q.send(new byte[1], 50, TimeUnit.MILLISECONDS));
            assertFalse(q.send(new byte[1], -5, TimeUnit.SECONDS), "a negative timeout does not wait");
            assertArrayEquals(new byte[] {0}, q.receive());
            assertTrue(q.send(new byte[] {9}, 1, TimeUnit.SECONDS));
            List<Integer> got = new ArrayList<>();
            for (byte[] m; (m = q.tryReceive()) != null; ) {
                got.add((int) m[0]);
            }
            assertEquals(List.of(1, 2, 3, 9), got);
            assertNull(q.receive(30, TimeUnit.MILLISECONDS));
            CompletableFuture<byte[]> patient = CompletableFuture.supplyAsync(
                    () -> call(() -> q.receive(Long.MAX_VALUE, TimeUnit.DAYS)), QueueFiles::platform);
            Thread.sleep(100);
            assertFalse(patient.isDone(), "a huge timeout waits, it does not overflow into no wait");
            q.send(new byte[] {5});
            assertArrayEquals(new byte[] {5}, patient.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void pollHandsReadOnlySegmentsAndNeverWaits() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "poll", 16, 32)) {
            assertEquals(0, q.poll(m -> { throw new AssertionError("empty"); }, 5));
            assertThrows(IllegalArgumentException.class, () -> q.poll(m -> { }, 0));
            assertThrows(IllegalArgumentException.class, () -> q.poll(m -> { }, -1));
            for (int i = 0; i < 10; i++) {
                q.send(pattern(i * 3, i));
            }
            List<byte[]> seen = new ArrayList<>();
            assertEquals(4, q.poll(m -> {
                assertTrue(m.isReadOnly());
                seen.add(m.toArray(ValueLayout.JAVA_BYTE));
            }, 4));
            assertEquals(6, q.poll(m -> seen.add(m.toArray(ValueLayout.JAVA_BYTE)), 100));
            for (int i = 0; i < 10; i++) {
                assertArrayEquals(pattern(i * 3, i), seen.get(i));
            }
            q.send(new byte[] {1});
            q.send(new byte[] {2});
            assertThrows(IllegalStateException.class, () -> q.poll(m -> { throw new IllegalStateException("user"); }, 5));
            assertArrayEquals(new byte[] {2}, q.tryReceive(), "the message whose handler threw counts as received");
        }
    }

    @Test
    void aBlockedReceiveIsWokenBySendAndAFullSendByReceive() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "wake", 1, 8)) {
            CompletableFuture<byte[]> receiver = CompletableFuture.supplyAsync(() -> call(q::receive), QueueFiles::platform);
            Thread.sleep(100);
            assertFalse(receiver.isDone());
            q.send(new byte[] {42});
            assertArrayEquals(new byte[] {42}, receiver.get(10, TimeUnit.SECONDS));
            q.send(new byte[] {1});
            CompletableFuture<Boolean> sender = CompletableFuture.supplyAsync(() -> call(() -> {
                q.send(new byte[] {2});
                return true;
            }), QueueFiles::platform);
            Thread.sleep(100);
            assertFalse(sender.isDone());
            assertArrayEquals(new byte[] {1}, q.receive());
            assertTrue(sender.get(10, TimeUnit.SECONDS));
            assertArrayEquals(new byte[] {2}, q.receive());
        }
    }

    @Test
    void waitsAreInterruptibleAndClosingEndsThemWithIllegalStateException() throws Exception {
        MessageQueue q = MessageQueue.createNew(ns, "close", 2, 8);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, q::receive, "a pending interrupt throws at once");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = Thread.ofPlatform().start(() -> outcome.set(failure(q::receive)));
        Thread.sleep(100);
        waiter.interrupt();
        waiter.join(5000);
        assertTrue(outcome.get() instanceof InterruptedException, String.valueOf(outcome.get()));

        CountDownLatch started = new CountDownLatch(2);
        List<CompletableFuture<Throwable>> waits = List.of(
                CompletableFuture.supplyAsync(() -> { started.countDown(); return failure(q::receive); }, QueueFiles::platform),
                CompletableFuture.supplyAsync(() -> { started.countDown(); return failure(q::receive); }, QueueFiles::virtual));
        started.await();
        Thread.sleep(100);
        q.close();
        for (CompletableFuture<Throwable> wait : waits) {
            assertTrue(wait.get(5, TimeUnit.SECONDS) instanceof IllegalStateException);
        }
        q.close(); // idempotent
        assertThrows(IllegalStateException.class, q::tryReceive);
        assertThrows(IllegalStateException.class, () -> q.trySend(new byte[0]));
        assertThrows(IllegalStateException.class, q::size);
    }

    @Test
    void manyVirtualThreadsWaitWithoutPinningTheirCarriers() throws Exception {
        int waiters = 4 * Runtime.getRuntime().availableProcessors() + 8;
        try (MessageQueue q = MessageQueue.createNew(ns, "virtual", waiters, 8);
             var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<byte[]>> receives = new ArrayList<>();
            for (int i = 0; i < waiters; i++) {
                receives.add(executor.submit(() -> q.receive()));
            }
            Thread.sleep(100);
            // a virtual thread can still run and send while every other one waits
            executor.submit(() -> {
                for (int i = 0; i < waiters; i++) {
                    q.send(new byte[] {(byte) i});
                }
                return null;
            }).get(10, TimeUnit.SECONDS);
            for (var receive : receives) {
                assertEquals(1, receive.get(10, TimeUnit.SECONDS).length);
            }
        }
    }

    @Test
    void anIdleConsumerBlockedForTenSecondsUsesAlmostNoCpu() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "idle", 4, 8)) {
            long[] cpu = new long[1];
            Thread consumer = Thread.ofPlatform().start(() -> {
                long before = threadCpuNanos();
                call(() -> q.receive(10, TimeUnit.SECONDS));
                cpu[0] = threadCpuNanos() - before;
            });
            consumer.join(30_000);
            System.out.printf("a consumer blocked in receive for 10 s used %.2f ms of CPU%n", cpu[0] / 1e6);
            assertTrue(cpu[0] < 250_000_000L, "CPU of an idle consumer over 10 s: " + cpu[0] / 1e6 + " ms");
        }
    }

    @Test
    void namesFollowTheNamedObjectRules() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "jobs", 10, 20)) {
            assertEquals("jobs", q.name());
            assertThrows(FileAlreadyExistsException.class, () -> MessageQueue.createNew(ns, "jobs", 10, 20));
            try (MessageQueue same = MessageQueue.createOrOpen(ns, "jobs", 99, 99);
                 MessageQueue opened = MessageQueue.openExisting(ns, "jobs")) {
                assertEquals(10, same.maxMessages(), "a live queue keeps its sizes");
                assertEquals(20, opened.maxMessageSize());
                same.send(new byte[] {7});
                assertArrayEquals(new byte[] {7}, opened.receive());
            }
            assertEquals(NamedObjectKind.QUEUE, ns.list().getFirst().kind());
            assertEquals(10, ns.list().getFirst().capacity());
            try (NamedEvent event = NamedEvent.create(ns, "an-event", EventResetMode.AUTO_RESET, false)) {
                assertThrows(FileSystemException.class, () -> MessageQueue.openExisting(ns, event.name()));
            }
        }
        assertTrue(ns.list().isEmpty(), "reclaimed at the last close");
        assertThrows(NoSuchFileException.class, () -> MessageQueue.openExisting(ns, "jobs"));
        assertThrows(IllegalArgumentException.class, () -> MessageQueue.createNew(ns, "", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> MessageQueue.createNew(ns, "z", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> MessageQueue.createNew(ns, "z", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> MessageQueue.createNew(ns, "z", (1 << 30) + 1, 1));
        assertThrows(NullPointerException.class, () -> MessageQueue.createNew(ns, null, 1, 1));
        assertTrue(ns.list().isEmpty(), "a refused creation leaves nothing behind");
    }

    /** The calling thread's user + system CPU time, from /proc/thread-self/stat (clock ticks of 10 ms). */
    private static long threadCpuNanos() {
        return call(() -> TaskStat.cpuNanos(Path.of("/proc/thread-self")));
    }

    static byte[] pattern(int length, int salt) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 7 + salt);
        }
        return b;
    }

    interface Call<T> {
        T call() throws Exception;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Throwable failure(Call<?> call) {
        try {
            call.call();
            return null;
        } catch (Throwable t) {
            return t instanceof ExecutionException ? t.getCause() : t;
        }
    }
}
