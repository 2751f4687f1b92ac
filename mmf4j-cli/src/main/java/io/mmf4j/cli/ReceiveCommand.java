package io.mmf4j.cli;

import io.mmf4j.SharedNamespace;
import io.mmf4j.ipc.MessageQueue;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mmf receive NAME [--count N] [--timeout SECONDS]}: prints the messages of the queue {@code NAME} as
 * they arrive, one line each (as UTF-8 text), opening the queue or creating it. Stops after N messages, or when
 * none came for the timeout; with neither, runs until killed. Exit 1 when the timeout ends it before N messages.
 */
@Command(name = "receive", mixinStandardHelpOptions = true,
        description = {"Prints the messages of the message queue NAME (made if missing), one line each.",
                "Waits for them; stops after --count messages or --timeout seconds without one."})
final class ReceiveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    NamespaceOption where;

    @Mixin
    QueueOptions sizes;

    @Parameters(index = "0", paramLabel = "NAME", description = "The queue's name.")
    String name;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N messages.")
    Integer count;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Stop when no message came for SECONDS (a decimal number).")
    Double timeout;

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--count must be at least 1: " + count);
        }
        if (timeout != null && !(timeout >= 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--timeout must not be negative: "
                    + timeout);
        }
        SharedNamespace namespace = where.namespace();
        PrintWriter out = spec.commandLine().getOut();
        int received = 0;
        try (MessageQueue queue = sizes.open(namespace, name)) {
            while (count == null || received < count) {
                byte[] message = timeout == null ? queue.receive()
                        : queue.receive((long) (timeout * 1e9), TimeUnit.NANOSECONDS);
                if (message == null) {
                    out.flush();
                    if (count != null) {
                        throw new CliException("no message on '" + name + "' for " + timeout + " s (received "
                                + received + " of " + count + ")");
                    }
                    return 0;
                }
                out.println(new String(message, StandardCharsets.UTF_8));
                out.flush();
                received++;
            }
        }
        return 0;
    }
}
