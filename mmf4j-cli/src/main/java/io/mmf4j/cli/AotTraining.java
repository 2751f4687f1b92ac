package io.mmf4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The training run of the ahead-of-time cache (JEP 483/514): {@code ./mmf} runs this hidden command once after each
 * build with {@code -XX:AOTCacheOutput}, so the classes, links and profiles of the commands people run most are in
 * the cache and every later {@code mmf} starts from it. It runs the everyday commands in this one JVM, printing to
 * a buffer, on a small file of its own that it deletes.
 */
@Command(name = "aot-training", hidden = true, description = "Trains the ahead-of-time cache (run by ./mmf).")
final class AotTraining implements Callable<Integer> {
    @Override
    public Integer call() {
        try {
            Path dir = Files.createTempDirectory("mmf-aot-training");
            Path file = dir.resolve("small.txt");
            Files.writeString(file, "the training run of the mmf ahead-of-time cache\n");
            try {
                for (List<String> args : List.of(List.of("--help"), List.of("--version"),
                        List.of("residency", file.toString()), List.of("residency", "--help"),
                        List.of("load", file.toString()), List.of("evict", file.toString()),
                        List.of("dump", file.toString()), List.of("ls"), List.of("walk", "--help"))) {
                    CommandLine commandLine = Mmf.commandLine();
                    StringWriter sink = new StringWriter();
                    commandLine.setOut(new PrintWriter(sink));
                    commandLine.setErr(new PrintWriter(sink));
                    commandLine.execute(args.toArray(String[]::new));
                }
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
