package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The module exports only API packages, and the library needs nothing at run time but the JDK. */
class ModuleShapeTest {
    private static final Path CLASSES = Path.of(System.getProperty("mmf4j.test.classes", "target/classes"));

    private static ModuleDescriptor descriptor() throws Exception {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void onlyApiPackagesAreExportedOrOpened() throws Exception {
        ModuleDescriptor module = descriptor();
        assertEquals("io.mmf4j", module.name());
        Set<String> exported = module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertTrue(exported.contains("io.mmf4j"), exported.toString());
        for (ModuleDescriptor.Exports export : module.exports()) {
            assertFalse(export.source().contains(".internal"), "internal package exported: " + export);
            assertFalse(export.isQualified(), "qualified export of internals: " + export);
        }
        assertTrue(module.opens().isEmpty(), "nothing is opened for reflection: " + module.opens());
        assertFalse(module.isOpen());
        Set<String> packages;
        try (var files = Files.walk(CLASSES)) {
            packages = files.filter(f -> f.toString().endsWith(".class") && !f.endsWith("module-info.class"))
                    .map(f -> CLASSES.relativize(f.getParent()).toString().replace('/', '.')).collect(Collectors.toSet());
        }
        assertTrue(packages.contains("io.mmf4j.internal"), packages.toString());
        for (String name : packages) {
            assertEquals(!name.contains(".internal"), exported.contains(name), "package " + name);
        }
    }

    @Test
    void theModuleRequiresOnlyTheJdkBase() throws Exception {
        Set<String> required = descriptor().requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
        assertEquals(Set.of("java.base"), required);
    }

    @Test
    void theCoreArtifactHasNoRuntimeDependencies() throws Exception {
        Path moduleDir = CLASSES.getParent().getParent();
        for (Path pom : new Path[] {moduleDir.resolve("pom.xml"), moduleDir.getParent().resolve("pom.xml")}) {
            // dependencyManagement only manages versions, and plugins' dependencies are build-time
            String text = Files.readString(pom).replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>", "")
                    .replaceAll("(?s)<build>.*?</build>", "")
                    .replaceAll("(?s)<profiles>.*?</profiles>", "");
            Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(text);
            while (dependency.find()) {
                String body = dependency.group(1);
                assertTrue(body.matches("(?s).*<scope>\\s*test\\s*</scope>.*"),
                        pom + ": a runtime dependency of the core library: " + body.strip());
            }
        }
    }
}
