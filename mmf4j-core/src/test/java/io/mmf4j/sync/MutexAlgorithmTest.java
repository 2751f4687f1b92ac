package io.mmf4j.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.sync.MutexDescriptor;
import io.mmf4j.testing.TaskStat;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mutex algorithm between threads of one process, each thread through its own mapping of /dev/shm memory. */
class MutexAlgorithmTest {
    private Path file;

    @BeforeEach
    void newFile() throws Exception {
        file = ShmBlocks.newFile("mutex");
    }

    @AfterEach
    void deleteFile() throws Exception {
        Files.deleteIfExists(file);
    }

    @Test
    void reentrantForTheOwnerAndUnlockByANonOwnerThrows() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file); NamedMutex other = ShmBlocks.mutex(file)) {
            mutex.lock();
            assertTrue(mutex.tryLock());
            assertEquals(2, mutex.holdCount());
            assertTrue(other.isHeldByCurrentThread(), "a second handle in the same thread sees the same owner");
            Throwable fromOtherThread = CompletableFuture.supplyAsync(() -> {
                try {
                    other.unlock();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, r -> Thread.ofPlatform().start(r)).get();
            assertTrue(fromOtherThread instanceof IllegalMonitorStateException, String.valueOf(fromOtherThread));
            assertFalse(CompletableFuture.supplyAsync(other::tryLock, r -> Thread.ofPlatform().start(r)).get());
            mutex.unlock();
            assertEquals(1, mutex.holdCount());
            mutex.unlock();
            assertEquals(0, mutex.holdCount());
            assertThrows(IllegalMonitorStateException.class, mutex::unlock);
            assertTrue(CompletableFuture.supplyAsync(() -> {
                boolean got = other.tryLock();
                other.unlock();
                return got;
            }, r -> Thread.ofPlatform().start(r)).get());
        }
    }

    @Test
    void countsExactlyUnderContentionThroughSeparateMappings() throws Exception {
        int threads = 4;
        int rounds = 50_000;
        List<NamedMutex> handles = new ArrayList<>();
        try (var counterBlock = AutoCloseableBlock.of(ShmBlocks.open(file))) {
            var counter = counterBlock.segment();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                NamedMutex mutex = ShmBlocks.mutex(file);
                handles.add(mutex);
                workers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < rounds; i++) {
                        mutex.lock();
                        try {
                            // a plain, non-atomic increment: only mutual exclusion keeps it exact
                            long offset = 2048;
                            counter.set(ValueLayout.JAVA_LONG, offset, counter.get(ValueLayout.JAVA_LONG, offset) + 1);
                        } finally {
                            mutex.unlock();
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertEquals((long) threads * rounds, counter.get(ValueLayout.JAVA_LONG, 2048));
        } finally {
            handles.forEach(NamedMutex::close);
        }
    }

    @Test
    void timedTryLockOnAHeldMutexReturnsFalseAfterItsTimeout() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file); NamedMutex other = ShmBlocks.mutex(file)) {
            mutex.lock();
            long[] elapsed = new long[1];
            boolean got = CompletableFuture.supplyAsync(() -> {
                long start = System.nanoTime();
                try {
                    return other.tryLock(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                } finally {
                    elapsed[0] = System.nanoTime() - start;
                }
            }, r -> Thread.ofPlatform().start(r)).get();
            assertFalse(got);
            System.out.printf("tryLock(50 ms) on a held mutex returned false after %.2f ms%n", elapsed[0] / 1e6);
            assertTrue(elapsed[0] >= TimeUnit.MILLISECONDS.toNanos(50), "returned before its timeout");
            mutex.unlock();
        }
    }

    @Test
    void aWaiterWakesWhenTheOwnerUnlocks() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file); NamedMutex other = ShmBlocks.mutex(file)) {
            StringBuilder latencies = new StringBuilder();
            for (int round = 0; round < 5; round++) { // the first round also pays for linking the futex downcalls
                mutex.lock();
                CountDownLatch waiting = new CountDownLatch(1);
                CompletableFuture<Long> acquiredAt = CompletableFuture.supplyAsync(() -> {
                    waiting.countDown();
                    other.lock();
                    long at = System.nanoTime();
                    other.unlock();
                    return at;
                }, r -> Thread.ofPlatform().start(r));
                waiting.await();
                Thread.sleep(20);
                long unlockedAt = System.nanoTime();
                mutex.unlock();
                long latency = acquiredAt.get(5, TimeUnit.SECONDS) - unlockedAt;
                latencies.append(String.format(" %.3f", latency / 1e6));
            }
            System.out.println("waiter acquired after the unlock, ms:" + latencies);
        }
    }

    @Test
    void aThreadThatEndsHoldingTheMutexAbandonsIt() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file); NamedMutex other = ShmBlocks.mutex(file)) {
            Thread owner = Thread.ofPlatform().start(mutex::lock);
            owner.join();
            long start = System.nanoTime();
            assertThrows(AbandonedMutexException.class, other::lock);
            System.out.printf("abandonment by an ended thread seen after %.1f ms%n", (System.nanoTime() - start) / 1e6);
            assertTrue(other.isHeldByCurrentThread(), "the AbandonedMutexException comes with the lock");
            assertEquals(1, other.holdCount());
            other.unlock();
            assertTrue(mutex.tryLock(), "works normally afterwards");
            mutex.unlock();
        }
    }

    @Test
    void aVirtualThreadThatEndsHoldingTheMutexAbandonsIt() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file)) {
            Thread.ofVirtual().start(mutex::lock).join();
            AtomicReference<Throwable> seen = new AtomicReference<>();
            Thread.ofVirtual().start(() -> {
                try {
                    mutex.lock();
                    mutex.unlock();
                } catch (Throwable t) {
                    seen.set(t);
                    mutex.unlock();
                }
            }).join();
            assertTrue(seen.get() instanceof AbandonedMutexException, String.valueOf(seen.get()));
        }
    }

    @Test
    void manyVirtualThreadsShareTheMutexWithoutStarvingTheCarriers() throws Exception {
        // More waiting virtual threads than carriers, and a holder that unmounts while it holds the mutex: if a
        // waiter slept in the kernel it would pin its carrier, and the holder could never get one back to unlock.
        try (NamedMutex mutex = ShmBlocks.mutex(file)) {
            int threads = 4 * Runtime.getRuntime().availableProcessors() + 4;
            int rounds = 40;
            long[] counter = new long[1];
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < rounds; i++) {
                        mutex.lock();
                        try {
                            counter[0]++;
                            Thread.sleep(0, 200_000); // unmounts: the carrier is free while the mutex is held
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        } finally {
                            mutex.unlock();
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                assertTrue(worker.join(java.time.Duration.ofSeconds(60)), "a virtual thread is stuck");
            }
            assertEquals((long) threads * rounds, counter[0]);
        }
    }

    @Test
    void anInterruptedVirtualThreadWaitsInLockWithoutSpinningAndKeepsItsInterrupt() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file)) {
            mutex.lock();
            AtomicReference<Boolean> interruptKept = new AtomicReference<>();
            Thread waiter = Thread.ofVirtual().start(() -> {
                Thread.currentThread().interrupt();
                mutex.lock(); // uninterruptible: waits, and the interrupt status survives
                interruptKept.set(Thread.currentThread().isInterrupted());
                mutex.unlock();
            });
            Thread.sleep(300);
            Map<String, Long> cpuBefore = carrierCpuNanos();
            Thread.sleep(500);
            long cpuUsed = cpuSince(cpuBefore);
            System.out.printf("the carriers of virtual threads used %.1f ms of CPU in 500 ms while an interrupted virtual"
                    + " thread waited in lock()%n", cpuUsed / 1e6);
            mutex.unlock();
            waiter.join(5_000);
            assertEquals(Boolean.TRUE, interruptKept.get());
            // a spinning waiter takes a whole core (~500 ms); a parking one a few tens of ms
            assertTrue(cpuUsed < TimeUnit.MILLISECONDS.toNanos(250), "the waiter spun: " + cpuUsed / 1e6 + " ms");
        }
    }

    /**
     * The CPU time of every thread of a ForkJoinPool — the carriers of virtual threads — by thread id, from
     * /proc/self/task. Not the whole process's: that counts the JIT compilers and the GC too, and one C2 burst on
     * two cores is a few hundred ms.
     */
    private static Map<String, Long> carrierCpuNanos() throws IOException {
        Map<String, Long> cpu = new HashMap<>();
        for (Path task : TaskStat.tasks(name -> name.startsWith("ForkJoinPool"))) {
            try {
                cpu.put(task.getFileName().toString(), TaskStat.cpuNanos(task));
            } catch (NoSuchFileException ended) {
                // the thread ended while we looked: it runs no waiter
            }
        }
        return cpu;
    }

    /** The CPU the carriers used since {@code before}, in ns (carriers started since then count from zero). */
    private static long cpuSince(Map<String, Long> before) throws IOException {
        long used = 0;
        for (Map.Entry<String, Long> now : carrierCpuNanos().entrySet()) {
            used += Math.max(0, now.getValue() - before.getOrDefault(now.getKey(), 0L));
        }
        return used;
    }

    @Test
    void aDeadProcessAsOwnerIsAbandoned() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        assertEquals(0, dead.waitFor());
        try (NamedMutex mutex = ShmBlocks.mutex(file); var raw = AutoCloseableBlock.of(ShmBlocks.open(file))) {
            // the owner word of a thread of a process that has ended
            raw.segment().set(ValueLayout.JAVA_LONG, MutexDescriptor.OWNER_OFFSET, (dead.pid() << 32) | 1);
            raw.segment().set(ValueLayout.JAVA_INT, MutexDescriptor.RECURSION_OFFSET, 1);
            long start = System.nanoTime();
            assertThrows(AbandonedMutexException.class, mutex::lock);
            System.out.printf("abandonment by a dead process seen after %.1f ms%n", (System.nanoTime() - start) / 1e6);
            assertEquals(1, mutex.holdCount());
            mutex.unlock();
            assertTrue(mutex.tryLock());
            mutex.unlock();
        }
    }

    @Test
    void aHandleClosedWhileItsThreadHoldsTheMutexStillLetsTheWatchAbandonIt() throws Exception {
        // The raw core stands for a waiter in another process: this process's watch does not know its mapping.
        NamedMutex mutex = ShmBlocks.mutex(file);
        try (var raw = AutoCloseableBlock.of(ShmBlocks.open(file))) {
            io.mmf4j.internal.sync.MutexCore elsewhere = new io.mmf4j.internal.sync.MutexCore(raw.segment());
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            Thread owner = Thread.ofPlatform().start(() -> {
                mutex.lock();
                locked.countDown();
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            locked.await();
            mutex.close(); // the only handle of this process; its thread still holds the mutex
            closed.countDown();
            owner.join();
            int result = elsewhere.acquire(TimeUnit.SECONDS.toNanos(10), false);
            assertEquals(io.mmf4j.internal.sync.MutexCore.ACQUIRED_ABANDONED, result);
            elsewhere.release();
        }
    }

    @Test
    void useAfterCloseThrowsAndCloseIsIdempotent() throws Exception {
        NamedMutex mutex = ShmBlocks.mutex(file);
        mutex.close();
        mutex.close();
        assertThrows(IllegalStateException.class, mutex::lock);
        assertThrows(IllegalStateException.class, mutex::tryLock);
        assertThrows(IllegalStateException.class, mutex::unlock);
        assertThrows(UnsupportedOperationException.class, () -> ShmBlocks.mutex(file).newCondition());
    }

    @Test
    void closingTheHandleEndsAWaitThroughItWithIllegalStateException() throws Exception {
        try (NamedMutex holder = ShmBlocks.mutex(file)) {
            holder.lock();
            NamedMutex waiting = ShmBlocks.mutex(file);
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    waiting.lock();
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            }, r -> Thread.ofPlatform().start(r));
            Thread.sleep(50);
            waiting.close();
            Throwable thrown = outcome.get(5, TimeUnit.SECONDS);
            assertTrue(thrown instanceof IllegalStateException, "expected IllegalStateException, got " + thrown);
            holder.unlock();
            assertTrue(holder.tryLock(), "the mutex is unaffected");
            holder.unlock();
        }
    }

    @Test
    void lockInterruptiblyAnswersAnInterrupt() throws Exception {
        try (NamedMutex mutex = ShmBlocks.mutex(file); NamedMutex other = ShmBlocks.mutex(file)) {
            mutex.lock();
            CompletableFuture<Throwable> result = new CompletableFuture<>();
            Thread waiter = Thread.ofPlatform().start(() -> {
                try {
                    other.lockInterruptibly();
                    result.complete(null);
                } catch (Throwable t) {
                    result.complete(t);
                }
            });
            Thread.sleep(30);
            waiter.interrupt();
            assertTrue(result.get(5, TimeUnit.SECONDS) instanceof InterruptedException);
            mutex.unlock();
        }
    }
}
