package io.mmf4j.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the multi-process examples share: starting this JVM's java on another main, and reading what it printed. */
final class Examples {
    private Examples() {}

    /** Starts {@code main} in a new JVM, launched from this JVM's module path or class path. */
    static Process start(Class<?> main, List<String> args) throws IOException {
        return new ProcessBuilder(command(main, args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** The command line that runs {@code main} with {@code args} in a new JVM, as {@link #start} does. */
    static List<String> command(Class<?> main, List<String> args) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath != null && main.getModule().isNamed()) {
            command.addAll(List.of("--enable-native-access=io.mmf4j", "-p", modulePath,
                    "-m", main.getModule().getName() + "/" + main.getName()));
        } else {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    main.getName()));
        }
        command.addAll(args);
        return command;
    }

    /** Waits for {@code process} and returns what it printed, without the last line break. */
    static String output(Process process) throws IOException, InterruptedException {
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException("the child process failed with exit code " + exit + ": " + out);
        }
        return out;
    }
}
