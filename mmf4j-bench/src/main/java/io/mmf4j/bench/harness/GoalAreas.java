package io.mmf4j.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the {@link GoalArea}s: every public class named {@code *Goals} under {@code io/mmf4j/bench/} in the jar or
 * class folder the harness was loaded from. Stateless.
 */
final class GoalAreas {
    private static final String PREFIX = "io/mmf4j/bench/";

    private GoalAreas() {}

    /** Every goal area, sorted by area name. */
    static List<GoalArea> all() {
        List<GoalArea> areas = new ArrayList<>();
        for (String name : classNames()) {
            try {
                Class<?> type = Class.forName(name, false, GoalAreas.class.getClassLoader());
                if (GoalArea.class.isAssignableFrom(type) && Modifier.isPublic(type.getModifiers())
                        && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    areas.add((GoalArea) type.getConstructor().newInstance());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("goal area " + name + " cannot be made (it needs a public no-argument"
                    + " constructor): " + e, e);
            }
        }
        areas.sort(Comparator.comparing(GoalArea::area));
        return areas;
    }

    private static List<String> classNames() {
        try {
            Path source = Path.of(GoalAreas.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Stream<String> entries;
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source)) {
                    entries = files.map(p -> source.relativize(p).toString().replace('\\', '/')).toList().stream();
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    entries = jar.stream().map(java.util.jar.JarEntry::getName).toList().stream();
                }
            }
            return entries.filter(e -> e.startsWith(PREFIX) && e.endsWith("Goals.class") && !e.contains("$"))
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
