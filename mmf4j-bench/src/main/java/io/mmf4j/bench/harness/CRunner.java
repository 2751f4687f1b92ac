package io.mmf4j.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the C programs of {@code src/main/c} (packaged in the benchmark jar under {@code c/}, so a run needs
 * nothing outside the repository) with {@code gcc -O2}, once per sitting, and runs them: every call runs the program
 * again (no output is ever reused across rounds). Files a program includes with {@code #include "x.h"} are copied
 * beside it. Not thread-safe; one per sitting.
 */
final class CRunner {
    /** The machine floors of {@code ../shared/limits} (context only): program and arguments for a full and a quick run. */
    static final List<String[]> MACHINE_FLOORS = List.of(
        new String[] {"bandwidth.c", "1024", "256"},
        new String[] {"faults.c", "", ""});
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern INCLUDE = Pattern.compile("^#include\\s+\"([A-Za-z0-9_.-]+)\"", Pattern.MULTILINE);

    private final Path work;
    private final String[] cpus;
    private final Map<String, Path> binaries = new HashMap<>();

    /** {@code cpus}: the two CPUs cross-process programs pin their processes to, or null to pin nothing. */
    CRunner(Path work, String[] cpus) {
        this.work = work;
        this.cpus = cpus;
    }

    /** Runs {@code program} with {@code args} now and returns its output lines. */
    List<String> run(String program, List<String> args, boolean crossProcess) throws IOException, InterruptedException {
        Path binary = compile(program);
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        args.stream().filter(a -> !a.isEmpty()).map(a -> a.replace("{work}", work.toString())).forEach(command::add);
        if (program.equals("faults.c")) {
            command.add(work.resolve("faults.bin").toString()); // its scratch file, not a shared /tmp name
        }
        Map<String, String> env = new HashMap<>();
        env.put("MMF4J_BENCH_WORK", work.toString());
        if (crossProcess && cpus != null) {
            env.put("MMF4J_BENCH_CPUS", cpus[0] + "," + cpus[1]);
        }
        return exec(command, env, 300);
    }

    /** The first number after {@code label} on the first line that starts with it, or NaN. */
    static double figure(List<String> lines, String label) {
        for (String line : lines) {
            if (line.startsWith(label)) {
                Matcher m = NUMBER.matcher(line.substring(label.length()));
                if (m.find()) {
                    return Double.parseDouble(m.group());
                }
            }
        }
        return Double.NaN;
    }

    private Path compile(String program) throws IOException, InterruptedException {
        Path binary = binaries.get(program);
        if (binary != null) {
            return binary;
        }
        Path source = extract(program);
        for (Matcher m = INCLUDE.matcher(Files.readString(source)); m.find(); ) {
            extract(m.group(1));
        }
        binary = work.resolve(program.replaceFirst("\\.c(pp)?$", ""));
        if (program.endsWith(".cpp")) { // a C++ peer (Boost.Interprocess): header-only Boost from the OS
            BoostHeaders.ensure();
            exec(List.of("g++", "-O2", "-std=c++17", "-o", binary.toString(), source.toString(), "-lpthread", "-lrt"),
                    Map.of(), 300);
        } else {
            exec(List.of("gcc", "-O2", "-o", binary.toString(), source.toString(), "-lpthread"), Map.of(), 120);
        }
        binaries.put(program, binary);
        return binary;
    }

    private Path extract(String file) throws IOException {
        Path target = work.resolve(file);
        try (InputStream in = CRunner.class.getResourceAsStream("/c/" + file)) {
            if (in == null) {
                throw new IOException("no C file " + file + " in mmf4j-bench/src/main/c (packaged as c/" + file + ")");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private List<String> exec(List<String> command, Map<String, String> env, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "output", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IOException(command + " did not finish within " + timeoutSeconds + " s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(command + " failed with exit code " + process.exitValue() + ":\n" + text);
            }
            return text.lines().toList();
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
