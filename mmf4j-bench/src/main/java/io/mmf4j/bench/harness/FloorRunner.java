package io.mmf4j.bench.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the C floor programs of the resources folder {@code floors/} with {@code gcc -O2} and runs them, once
 * per distinct argument list, keeping their output lines. Not thread-safe; one per suite run.
 */
final class FloorRunner {
    /** The machine floors of {@code ../shared/limits}: program and arguments for a full and a quick run. */
    static final List<String[]> MACHINE_FLOORS = List.of(
        new String[] {"bandwidth.c", "1024", "256"},
        new String[] {"blocking.c", "50000", "10000"},
        new String[] {"faults.c", "", ""},
        new String[] {"pingpong.c", "200000", "50000"});
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Path work;
    private final Map<String, Path> binaries = new LinkedHashMap<>();
    private final Map<String, List<String>> outputs = new LinkedHashMap<>();

    FloorRunner(Path work) {
        this.work = work;
    }

    /** Runs {@code program} with {@code args} (once; later calls reuse the output) and returns its output lines. */
    List<String> run(String program, List<String> args) throws IOException, InterruptedException {
        String key = program + " " + String.join(" ", args);
        List<String> cached = outputs.get(key);
        if (cached != null) {
            return cached;
        }
        Path binary = compile(program);
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        args.stream().filter(a -> !a.isEmpty()).forEach(command::add);
        if (program.equals("faults.c")) {
            command.add(work.resolve("faults.bin").toString()); // its scratch file, not a shared /tmp name
        }
        List<String> lines = exec(command, 300);
        outputs.put(key, lines);
        return lines;
    }

    /** Every program run so far, as {@code "program args"} to its output lines. */
    Map<String, List<String>> outputs() {
        return outputs;
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
        Path source = work.resolve(program);
        try (InputStream in = FloorRunner.class.getResourceAsStream("/floors/" + program)) {
            if (in == null) {
                throw new IOException("no floor program floors/" + program + " in the benchmark resources");
            }
            Files.copy(in, source, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        binary = work.resolve(program.replace(".c", ""));
        exec(List.of("gcc", "-O2", "-o", binary.toString(), source.toString()), 120);
        binaries.put(program, binary);
        return binary;
    }

    private List<String> exec(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path output = Files.createTempFile(work, "output", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IOException(command + " did not finish within " + timeoutSeconds + " s");
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException(command + " failed with exit code " + process.exitValue() + ":\n" + text);
        }
        return text.lines().toList();
    }
}
