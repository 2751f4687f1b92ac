package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a separate JVM on this JVM's class path with the flags the benchmarks need, for cross-process
 * benchmarks. The caller owns the process: wait for it or destroy it.
 *
 * {@snippet :
 * Process echo = ChildJvm.start(EchoMain.class, file.toString());
 * }
 */
public final class ChildJvm {
    private ChildJvm() {}

    public static Process start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(JmhSuite.JVM_FLAGS));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
