package io.mmf4j.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.testing.child.QueueChild;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Message queues between real JVMs: exactly-once delivery, cross-process wake-ups, kill -9 of any party. */
class MessageQueueProcessTest extends QueueTestBase {

    @Test
    void threeProducerProcessesAndTwoConsumerProcessesDeliverEachMessageExactlyOnceInOrder() throws Exception {
        int producers = 3;
        int count = 20_000;
        try (MessageQueue q = MessageQueue.createNew(ns, "mpmc", 256, 64);
             QueueProcess c1 = new QueueProcess("consume", dir, "mpmc");
             QueueProcess c2 = new QueueProcess("consume", dir, "mpmc");
             QueueProcess p0 = new QueueProcess("produce", dir, "mpmc", "0", "" + count);
             QueueProcess p1 = new QueueProcess("produce", dir, "mpmc", "1", "" + count);
             QueueProcess p2 = new QueueProcess("produce", dir, "mpmc", "2", "" + count)) {
            for (QueueProcess p : List.of(p0, p1, p2)) {
                p.expect("done", 120);
            }
            q.send("STOP".getBytes(StandardCharsets.ISO_8859_1));
            q.send("STOP".getBytes(StandardCharsets.ISO_8859_1));
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (QueueProcess c : List.of(c1, c2)) {
                List<String> lines = new ArrayList<>();
                c.expect("done", 60, lines);
                int[] last = new int[producers];
                java.util.Arrays.fill(last, -1);
                for (String line : lines) {
                    assertFalse(line.startsWith("CORRUPT"), line);
                    String[] f = line.split(" ");
                    int id = Integer.parseInt(f[0]);
                    int seq = Integer.parseInt(f[1]);
                    assertTrue(seq > last[id], "producer " + id + ": " + seq + " after " + last[id]);
                    last[id] = seq;
                    assertTrue(seen.add(line), "delivered twice: " + line);
                }
                total += lines.size();
                System.out.println("consumer received " + lines.size() + " messages");
            }
            assertEquals(producers * count, total);
            assertEquals(producers * count, seen.size());
            assertEquals(0, q.lostMessages());
            assertEquals(0, q.size());
        }
    }

    @Test
    void aBlockedReceiveIsWokenAcrossProcessesAndSoIsASendOnAFullQueue() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "wake", 1, 32)) {
            try (QueueProcess receiver = new QueueProcess("receive-one", dir, "wake")) {
                receiver.expect("ready", 30);
                assertNull(receiver.poll(300), "waits while empty");
                q.send("hello".getBytes(StandardCharsets.UTF_8));
                receiver.expect("hello", 10);
            }
            q.send("first".getBytes(StandardCharsets.UTF_8));
            try (QueueProcess sender = new QueueProcess("send-one", dir, "wake", "second")) {
                sender.expect("ready", 30);
                assertNull(sender.poll(300), "waits while full");
                assertEquals("first", new String(q.receive(), StandardCharsets.UTF_8));
                sender.expect("sent", 10);
                assertEquals("second", new String(q.receive(5, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void aQueueIsReclaimedWhenItsLastHolderClosesOrIsKilled() throws Exception {
        MessageQueue q = MessageQueue.createNew(ns, "lifetime", 8, 8);
        try (QueueProcess holder = new QueueProcess("hold", dir, "lifetime")) {
            holder.expect("ready", 30);
            q.close();
            assertEquals(1, ns.list().size(), "the child still holds it");
            try (MessageQueue again = MessageQueue.openExisting(ns, "lifetime")) {
                assertEquals(8, again.maxMessages());
            }
            holder.kill();
            assertTrue(ns.list().isEmpty(), "reclaimed once its last holder was killed");
        }
        try (MessageQueue fresh = MessageQueue.createNew(ns, "lifetime", 2, 2)) {
            assertEquals(2, fresh.maxMessages());
        }
        assertTrue(ns.list().isEmpty(), "reclaimed at the last close");
    }

    @Test
    void repeatedKillNineOfProducersAndConsumersNeverCorruptsOrWedgesTheQueue() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "churn", 16, 16_384)) {
            for (int round = 0; round < 3; round++) {
                List<QueueProcess> children = List.of(
                        new QueueProcess("churn-produce", dir, "churn", "" + (2 * round)),
                        new QueueProcess("churn-produce", dir, "churn", "" + (2 * round + 1)),
                        new QueueProcess("churn-consume", dir, "churn"));
                try {
                    for (QueueProcess child : children) {
                        child.expect("ready", 30);
                    }
                    Thread.sleep(200 + 100 * round);
                    for (QueueProcess child : children) {
                        child.kill(); // producers mid-send, the consumer mid-receive
                        for (String line : child.drain()) {
                            assertFalse(line.startsWith("CORRUPT"), line);
                        }
                    }
                } finally {
                    for (QueueProcess child : children) {
                        child.close();
                    }
                }
            }
            // what the killed producers left is intact; then the queue carries new messages in full
            for (byte[] m; (m = q.receive(1500, TimeUnit.MILLISECONDS)) != null; ) {
                assertFalse(QueueChild.check(m).startsWith("CORRUPT"), QueueChild.check(m));
            }
            for (int i = 0; i < 100; i++) {
                assertTrue(q.send(QueueChild.message(99, i, 100), 2, TimeUnit.SECONDS), "send " + i);
                assertEquals("99 " + i, QueueChild.check(q.receive(2, TimeUnit.SECONDS)));
            }
            System.out.println("messages lost to kill -9 over three rounds: " + q.lostMessages());
        }
    }

    @Test
    void aProducerKilledInsideItsSlotIsSkippedWithinOneSecondAndCounted() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "dead-producer", 4, 16);
             QueueProcess victim = new QueueProcess("hold", dir, "dead-producer")) {
            victim.expect("ready", 30);
            QueueFiles.claimFirstSlot(dir, "dead-producer", victim.process.pid(), true);
            assertTrue(q.trySend("after".getBytes(StandardCharsets.UTF_8)));
            Thread.sleep(200);
            assertNull(q.tryReceive(), "the message in front is being written by a live process");
            assertNull(q.receive(100, TimeUnit.MILLISECONDS));
            long killed = System.nanoTime();
            victim.kill();
            byte[] next = q.receive(3, TimeUnit.SECONDS);
            double millis = (System.nanoTime() - killed) / 1e6;
            System.out.printf("kill -9 of a producer inside its slot -> next message after %.1f ms%n", millis);
            assertArrayEquals("after".getBytes(StandardCharsets.UTF_8), next);
            assertTrue(millis < 1000, "took " + millis + " ms");
            assertEquals(1, q.lostMessages());
        }
    }

    @Test
    void aConsumerKilledInsideItsSlotFreesItWithinOneSecondAndTheMessageIsLost() throws Exception {
        try (MessageQueue q = MessageQueue.createNew(ns, "dead-consumer", 1, 16);
             QueueProcess victim = new QueueProcess("hold", dir, "dead-consumer")) {
            victim.expect("ready", 30);
            assertTrue(q.trySend("taken".getBytes(StandardCharsets.UTF_8)));
            QueueFiles.claimFirstSlot(dir, "dead-consumer", victim.process.pid(), false);
            assertFalse(q.trySend(new byte[1]), "the only slot is being read by a live process");
            assertFalse(q.send(new byte[1], 200, TimeUnit.MILLISECONDS));
            long killed = System.nanoTime();
            victim.kill();
            assertTrue(q.send("next".getBytes(StandardCharsets.UTF_8), 3, TimeUnit.SECONDS));
            double millis = (System.nanoTime() - killed) / 1e6;
            System.out.printf("kill -9 of a consumer inside its slot -> send went through after %.1f ms%n", millis);
            assertTrue(millis < 1000, "took " + millis + " ms");
            assertEquals("next", new String(q.receive(1, TimeUnit.SECONDS), StandardCharsets.UTF_8));
            assertEquals(1, q.lostMessages());
        }
    }
}
