package io.mmf4j.examples;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.mmf4j.ipc.MessageQueue;
import java.util.List;

/**
 * Two processes pass jobs through a named message queue: A (the producer) makes the queue, starts B (a worker)
 * and sends it three messages; B receives them, sleeping in the kernel while the queue is empty, until "done".
 */
public final class QueueExample {
    private QueueExample() {}

    /** Usage: QueueExample [NAME] (default "jobs"); "B NAME" is process B. */
    public static void main(String[] args) throws Exception {
        String name = args.length == 2 ? args[1] : args.length == 1 ? args[0] : "jobs";
        if (!(args.length == 2 && args[0].equals("B"))) {
            try (MessageQueue jobs = MessageQueue.createOrOpen(name, 1024, 256)) {   // up to 1024 messages of 256 bytes
                Process b = Examples.start(QueueExample.class, List.of("B", name));  // process B: a worker
                for (String job : List.of("photo-17.jpg", "photo-18.jpg", "done")) {
                    jobs.send(job.getBytes(UTF_8));                                  // waits while the queue is full
                }
                System.out.println("A sent 3 jobs; B says: " + Examples.output(b));
            }
            return;
        }
        try (MessageQueue jobs = MessageQueue.openExisting(name)) {
            while (true) {
                String job = new String(jobs.receive(), UTF_8);         // sleeps until a message comes
                if (job.equals("done")) {
                    break;
                }
                System.out.println("B resized " + job);
            }
        }
    }
}
