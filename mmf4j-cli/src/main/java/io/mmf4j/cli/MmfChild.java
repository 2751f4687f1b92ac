package io.mmf4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command lines for child JVMs that run a class of this module the same way this JVM runs mmf — on the module
 * path (the tests) or on the class path ({@code ./mmf}, for its ahead-of-time cache): how {@code mmf walk} starts
 * its demo process and {@code mmf demo} its other processes. Small heap, quick start.
 */
final class MmfChild {
    private MmfChild() {}

    /** {@code mmf ARGS} in a new JVM. */
    static List<String> command(String... args) {
        List<String> command = java(Mmf.class);
        command.addAll(List.of(args));
        return command;
    }

    /** This JVM's java, native access for the library, and {@code main} launched from this JVM's path. */
    static List<String> java(Class<?> main) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xmx64m", "-XX:TieredStopAtLevel=1"));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && main.getModule().isNamed()) {
            command.addAll(List.of("--enable-native-access=io.mmf4j", "-p", modulePath,
                    "-m", main.getModule().getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    main.getName()));
        }
        return command;
    }
}
