package io.mmf4j.named;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.shared.SharedObjectDescriptor;
import io.mmf4j.internal.sync.EventDescriptor;
import io.mmf4j.internal.sync.MutexDescriptor;
import io.mmf4j.internal.sync.SemaphoreDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/SHARED-LAYOUT.md cannot drift from the code: each descriptor's table lists exactly the descriptor's numeric
 * constants, with their values. A layout change that forgets the specification (or its version) fails here.
 */
class SharedLayoutSpecTest {
    private static final Path SPEC = Path.of("..", "docs", "SHARED-LAYOUT.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (0x[0-9A-Fa-f]+|\\d+) \\|");

    @Test
    void everyDescriptorTableMatchesItsConstants() throws Exception {
        String spec = Files.readString(SPEC);
        for (Class<?> descriptor : List.of(SharedObjectDescriptor.class, MutexDescriptor.class,
                SemaphoreDescriptor.class, EventDescriptor.class)) {
            assertEquals(constants(descriptor), table(spec, descriptor.getSimpleName()),
                    "docs/SHARED-LAYOUT.md, table " + descriptor.getSimpleName());
        }
    }

    /** The public static final int and long fields, but for limits that are not layout (MAX_*). */
    private static Map<String, Long> constants(Class<?> descriptor) throws IllegalAccessException {
        Map<String, Long> values = new TreeMap<>();
        for (Field field : descriptor.getFields()) {
            int modifiers = field.getModifiers();
            boolean number = field.getType() == int.class || field.getType() == long.class;
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && number && !field.getName().startsWith("MAX_")) {
                values.put(field.getName(), ((Number) field.get(null)).longValue());
            }
        }
        return values;
    }

    private static Map<String, Long> table(String spec, String heading) {
        int at = spec.indexOf("### " + heading + "\n");
        assertTrue(at >= 0, "no section ### " + heading);
        Map<String, Long> values = new TreeMap<>();
        for (String line : spec.substring(at).lines().skip(1).toList()) {
            if (line.startsWith("### ") || line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                String value = row.group(2);
                values.put(row.group(1), value.startsWith("0x") ? Long.parseUnsignedLong(value.substring(2), 16)
                        : Long.parseLong(value));
            }
        }
        return values;
    }
}
