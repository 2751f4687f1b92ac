package io.mmf4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mmf send, mmf receive and mmf ls on message queues, run as the real command in a namespace of their own. */
class QueueCommandsIT {
    @TempDir
    Path dir;

    @Test
    void sendAndReceivePassLinesBetweenProgramsAndLsShowsTheQueueDepth() throws Exception {
        String ns = dir.resolve("ns").toString();
        Process receiver = MmfProcess.start("receive", "--namespace", ns, "jobs", "--count", "3");
        Process holder = MmfProcess.start("send", "--namespace", ns, "held", "--max-messages", "8");
        try {
            OutputStream toHolder = holder.getOutputStream();
            toHolder.write("one\ntwo\n".getBytes(StandardCharsets.UTF_8));
            toHolder.flush();
            List<String> ls = List.of();
            for (int i = 0; i < 100 && !String.join("\n", ls).contains("2/8 msgs"); i++) {
                Thread.sleep(100);
                ls = MmfProcess.run("ls", "--namespace", ns).exits(0).out().lines().toList();
            }
            assertTrue(ls.stream().anyMatch(l -> l.matches("held +queue +2/8 msgs +1 .*")), String.join("\n", ls));
            String json = MmfProcess.run("ls", "--json", "--namespace", ns).exits(0).out();
            assertTrue(json.contains("\"name\": \"held\", \"kind\": \"queue\", \"capacity\": 8, \"holders\": 1")
                    && json.contains("\"depth\": 2}"), json);

            MmfProcess.runWithInput("alpha\nbeta gamma\n\n".getBytes(StandardCharsets.UTF_8),
                    "send", "--namespace", ns, "jobs").exits(0);
            BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("alpha", out.readLine());
            assertEquals("beta gamma", out.readLine());
            assertEquals("", out.readLine());
            assertTrue(receiver.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, receiver.exitValue());
        } finally {
            receiver.destroyForcibly();
            holder.getOutputStream().close();
            holder.waitFor(30, TimeUnit.SECONDS);
            holder.destroyForcibly();
        }
        MmfProcess.run("receive", "--namespace", ns, "jobs", "--count", "1", "--timeout", "0.2")
                .failsWithOneLine(1, "no message on 'jobs' for 0.2 s (received 0 of 1)");
        assertEquals(0, MmfProcess.run("receive", "--namespace", ns, "jobs", "--timeout", "0.1").exits(0).out().length());
        MmfProcess.run("receive", "--namespace", ns, "jobs", "--count", "0").failsWithOneLine(2, "--count");
        MmfProcess.runWithInput("x".repeat(20).getBytes(StandardCharsets.UTF_8), "send", "--namespace", ns, "small",
                "--max-message-size", "10").failsWithOneLine(1, "longer than the 10 bytes");
        MmfProcess.run("send", "--help").exits(0);
        MmfProcess.run("receive", "--help").exits(0);
    }
}
