package io.mmf4j.testing.child;

import io.mmf4j.SharedNamespace;
import io.mmf4j.ipc.MessageQueue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * The other processes of the message-queue tests: {@code args = MODE NAMESPACE_DIR QUEUE_NAME ...}, printing
 * one line per event on stdout.
 *
 * <ul>
 * <li>{@code produce ID COUNT}: sends COUNT numbered, checksummed messages ({@link #message}), prints "done".</li>
 * <li>{@code consume}: receives until a "STOP" message; prints "ID SEQ" per message, or "CORRUPT ..." for one
 *     that fails its checksum, then "done".</li>
 * <li>{@code churn-produce ID}: sends numbered messages of random length for ever (to be killed).</li>
 * <li>{@code churn-consume}: receives for ever, printing "CORRUPT" for a bad message (to be killed).</li>
 * <li>{@code receive-one}: prints "ready", then waits in receive() and prints the message as text.</li>
 * <li>{@code send-one TEXT}: prints "ready", then waits in send() and prints "sent".</li>
 * <li>{@code hold}: opens the queue, prints "ready" and sleeps (to be killed).</li>
 * </ul>
 */
public final class QueueChild {
    public static void main(String[] args) throws Exception {
        SharedNamespace ns = SharedNamespace.at(Path.of(args[1]));
        try (MessageQueue queue = MessageQueue.openExisting(ns, args[2])) {
            switch (args[0]) {
                case "produce" -> {
                    int id = Integer.parseInt(args[3]);
                    int count = Integer.parseInt(args[4]);
                    for (int seq = 0; seq < count; seq++) {
                        queue.send(message(id, seq, 8 + seq % 57));
                    }
                    say("done");
                }
                case "consume" -> {
                    StringBuilder out = new StringBuilder();
                    while (true) {
                        byte[] m = queue.receive();
                        if (new String(m, StandardCharsets.ISO_8859_1).equals("STOP")) {
                            break;
                        }
                        out.append(check(m)).append('\n');
                        if (out.length() > 8192) {
                            System.out.print(out);
                            out.setLength(0);
                        }
                    }
                    System.out.print(out);
                    say("done");
                }
                case "churn-produce" -> {
                    int id = Integer.parseInt(args[3]);
                    say("ready");
                    for (int seq = 0; ; seq++) {
                        queue.send(message(id, seq, 8 + ThreadLocalRandom.current().nextInt(queue.maxMessageSize() - 7)));
                    }
                }
                case "churn-consume" -> {
                    say("ready");
                    while (true) {
                        byte[] m = queue.receive();
                        String line = check(m);
                        if (line.startsWith("CORRUPT")) {
                            say(line);
                        }
                    }
                }
                case "receive-one" -> {
                    say("ready");
                    say(new String(queue.receive(), StandardCharsets.UTF_8));
                }
                case "send-one" -> {
                    say("ready");
                    queue.send(args[3].getBytes(StandardCharsets.UTF_8));
                    say("sent");
                }
                case "hold" -> {
                    say("ready");
                    Thread.sleep(TimeUnit.MINUTES.toMillis(10));
                }
                default -> throw new IllegalArgumentException(args[0]);
            }
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** {@code id:int seq:int crc:long filler...}: the CRC covers id, seq and the filler. */
    public static byte[] message(int id, int seq, int length) {
        ByteBuffer b = ByteBuffer.allocate(Math.max(16, length));
        b.putInt(id).putInt(seq).putLong(0);
        for (int i = 16; i < b.capacity(); i++) {
            b.put(i, (byte) (id * 31 + seq + i));
        }
        b.putLong(8, crc(b.array()));
        return b.array();
    }

    /** "ID SEQ" for a good message, "CORRUPT ..." for a bad one. */
    public static String check(byte[] m) {
        if (m.length < 16) {
            return "CORRUPT length " + m.length;
        }
        ByteBuffer b = ByteBuffer.wrap(m);
        long crc = b.getLong(8);
        b.putLong(8, 0);
        if (crc != crc(m)) {
            return "CORRUPT crc of " + b.getInt(0) + " " + b.getInt(4) + " (" + m.length + " bytes)";
        }
        return b.getInt(0) + " " + b.getInt(4);
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
