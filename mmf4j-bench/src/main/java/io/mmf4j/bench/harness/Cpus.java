package io.mmf4j.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two CPUs cross-process contestants are pinned to: the first two this process may run on (from
 * {@code /proc/self/status}), when there are two and {@code taskset} exists. Stateless.
 */
final class Cpus {
    /** The system property that tells a harness JVM (and {@link ChildJvm}) the pair, as {@code a,b}. */
    static final String PROPERTY = "mmf4j.bench.cpus";

    private Cpus() {}

    /** The pair, or null when pinning is not possible here. */
    static String[] pair() {
        String given = System.getProperty(PROPERTY);
        if (given != null) {
            String[] pair = given.split(",");
            return pair.length == 2 ? pair : null;
        }
        if (!Files.isExecutable(Path.of("/usr/bin/taskset")) && !Files.isExecutable(Path.of("/bin/taskset"))) {
            return null;
        }
        try {
            List<String> allowed = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).toList();
            if (allowed.isEmpty()) {
                return null;
            }
            List<String> cpus = new ArrayList<>();
            for (String part : allowed.get(0).substring("Cpus_allowed_list:".length()).trim().split(",")) {
                String[] range = part.split("-");
                int from = Integer.parseInt(range[0].trim());
                int to = range.length > 1 ? Integer.parseInt(range[1].trim()) : from;
                for (int cpu = from; cpu <= to && cpus.size() < 2; cpu++) {
                    cpus.add(Integer.toString(cpu));
                }
            }
            return cpus.size() == 2 ? cpus.toArray(String[]::new) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code taskset -c cpu} to put before a command, or nothing when {@code cpu} is null. */
    static List<String> taskset(String cpu) {
        return cpu == null ? List.of() : List.of("taskset", "-c", cpu);
    }
}
