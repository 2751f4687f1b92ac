package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layer rules of DESIGN.md, checked on the library's sources (imports and fully qualified names in code, not
 * in comments), so that the build fails when a change breaks them:
 * <ol>
 *   <li>only {@code internal.ffi.*} touches {@code Linker} or {@code SymbolLookup};</li>
 *   <li>only the Linux backend ({@code internal.platform.linux}) uses {@code internal.ffi.linux};</li>
 *   <li>exported packages use no backend ({@code internal.platform.linux}, {@code internal.platform.jdk});</li>
 *   <li>the platform layer and the FFI layer use nothing above them: no API type, no portable internal package
 *       (one known exception, the address-space walk's result, is listed below);</li>
 *   <li>portable code reaches a backend only through the {@code internal.platform} interfaces;</li>
 *   <li>every package of every module's main sources has a {@code package-info.java}.</li>
 * </ol>
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern REFERENCE = Pattern.compile("\\b(io\\.mmf4j(?:\\.[a-z][a-z0-9]*)*)\\.([A-Z]\\w*)");
    private static final Set<String> EXPORTED = Set.of("io.mmf4j", "io.mmf4j.vm", "io.mmf4j.sync", "io.mmf4j.heap",
            "io.mmf4j.ipc");
    /**
     * The one upward use left in the platform layer: {@code VirtualMemoryPlatform.walk} returns the API's
     * {@code MemoryArea} (with its enums) instead of a platform record of its own.
     */
    private static final Set<String> KNOWN_UPWARD = Set.of("io.mmf4j.vm.MemoryArea", "io.mmf4j.vm.PageState",
            "io.mmf4j.vm.Protection", "io.mmf4j.vm.RegionType");

    private record Source(String pkg, Path file, List<String> code) {}

    private static List<Source> sources() throws IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                List<String> code = new ArrayList<>();
                boolean inComment = false;
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (inComment) {
                        inComment = !trimmed.contains("*/");
                        continue;
                    }
                    if (trimmed.startsWith("/*")) {
                        inComment = !trimmed.contains("*/");
                        continue;
                    }
                    int lineComment = line.indexOf("//");
                    code.add(lineComment >= 0 ? line.substring(0, lineComment) : line);
                }
                sources.add(new Source(pkg, file, code));
            }
        }
        return sources;
    }

    private static boolean under(String pkg, String base) {
        return pkg.equals(base) || pkg.startsWith(base + ".");
    }

    @Test
    void theLayerRulesOfDesignMdHold() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Source source : sources()) {
            String pkg = source.pkg();
            for (String line : source.code()) {
                if ((line.contains("java.lang.foreign.Linker") || line.contains("SymbolLookup")
                        || line.matches(".*\\bLinker\\.\\w+.*")) && !under(pkg, "io.mmf4j.internal.ffi")) {
                    violations.add(source.file() + ": touches Linker/SymbolLookup outside internal.ffi: " + line.trim());
                }
                Matcher m = REFERENCE.matcher(line);
                while (m.find()) {
                    String used = m.group(1);
                    String type = used + "." + m.group(2);
                    if (under(used, "io.mmf4j.internal.ffi.linux") && !under(pkg, "io.mmf4j.internal.platform.linux")
                            && !under(pkg, "io.mmf4j.internal.ffi.linux")) {
                        violations.add(source.file() + ": uses internal.ffi.linux outside the Linux backend: " + type);
                    }
                    boolean backend = under(used, "io.mmf4j.internal.platform.linux")
                            || under(used, "io.mmf4j.internal.platform.jdk");
                    if (backend && EXPORTED.contains(pkg)) {
                        violations.add(source.file() + ": an exported package uses a backend: " + type);
                    }
                    if (backend && !under(pkg, "io.mmf4j.internal.platform") && !used.equals(pkg)) {
                        violations.add(source.file() + ": portable code uses a backend directly: " + type);
                    }
                    boolean lowLayer = under(pkg, "io.mmf4j.internal.platform") || under(pkg, "io.mmf4j.internal.ffi");
                    boolean below = under(used, "io.mmf4j.internal.platform") || under(used, "io.mmf4j.internal.ffi");
                    if (lowLayer && !below && !KNOWN_UPWARD.contains(type)) {
                        violations.add(source.file() + ": the platform/FFI layer uses a type above it: " + type);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** The main sources of every module: the library's, and the CLI's, the examples' and the benchmarks' beside it. */
    private static final List<Path> ALL_MAIN_SOURCES = List.of(SOURCES, Path.of("../mmf4j-cli/src/main/java"),
            Path.of("../mmf4j-examples/src/main/java"), Path.of("../mmf4j-bench/src/main/java"));

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path sources : ALL_MAIN_SOURCES) {
            assertTrue(Files.isDirectory(sources), sources + " is not a folder: run the test from mmf4j-core");
            missing.addAll(packagesWithoutInfo(sources));
        }
        assertEquals(List.of(), missing);
    }

    private static List<String> packagesWithoutInfo(Path sources) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(sources)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                boolean hasJava;
                try (Stream<Path> files = Files.list(dir)) {
                    hasJava = files.anyMatch(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"));
                }
                if (hasJava && !Files.exists(dir.resolve("package-info.java"))) {
                    missing.add(dir.toString());
                }
            }
        }
        return missing;
    }
}
