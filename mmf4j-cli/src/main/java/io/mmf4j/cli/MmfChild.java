package io.mmf4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that runs {@code mmf ARGS} in a new JVM with this JVM's java and module path — how
 * {@code mmf walk} starts its demo process and {@code mmf demo} its second process. Small heap, quick start.
 */
final class MmfChild {
    private MmfChild() {}

    static List<String> command(String... args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=io.mmf4j", "-p", System.getProperty("jdk.module.path"),
                "-m", "io.mmf4j.cli/io.mmf4j.cli.Mmf"));
        command.addAll(List.of(args));
        return command;
    }
}
