package io.mmf4j.cli;

import io.mmf4j.SharedNamespace;
import io.mmf4j.ipc.MessageQueue;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf send NAME}: sends each line of stdin (UTF-8, without its line end) as one message to the queue
 * {@code NAME}, opening it or creating it; waits while the queue is full. Reports on stderr how many it sent.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Sends each line of stdin as a message to the message queue NAME (made if missing).",
                "Waits while the queue is full."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Mixin
    QueueOptions sizes;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue's name.")
    String name;

    @Override
    public Integer call() throws Exception {
        SharedNamespace namespace = where.namespace();
        int sent = 0;
        try (MessageQueue queue = sizes.open(namespace, name);
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                byte[] message = line.getBytes(StandardCharsets.UTF_8);
                if (message.length > queue.maxMessageSize()) {
                    throw new CliException("line " + (sent + 1) + " is " + message.length + " bytes, longer than the "
                            + queue.maxMessageSize() + " bytes of queue '" + name + "' (" + sent + " sent)");
                }
                queue.send(message);
                sent++;
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf("sent %d message%s to '%s'%n", sent, sent == 1 ? "" : "s", name);
        err.flush();
        return 0;
    }
}
