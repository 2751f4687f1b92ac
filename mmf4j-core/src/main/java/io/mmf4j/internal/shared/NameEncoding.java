package io.mmf4j.internal.shared;

import io.mmf4j.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns a name into a file name that can never leave its namespace directory: {@code "n"} and the hex SHA-256
 * of the name's UTF-16 code units — 65 characters of [0-9a-fn], whatever the name holds (slashes, "..",
 * NULs, unpaired surrogates, 30 000 characters). The real name is kept in the file's header.
 * Stateless and thread-safe.
 */
public final class NameEncoding {
    private static final Pattern ENCODED = Pattern.compile("n[0-9a-f]{64}");

    private NameEncoding() {}

    /** The file name for {@code name}. */
    public static String fileName(String name) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return "n" + HexFormat.of().formatHex(sha256.digest(name.getBytes(StandardCharsets.UTF_16LE)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** Whether a directory entry is a named object's file (and not something else someone put there). */
    public static boolean isEncoded(String fileName) {
        return ENCODED.matcher(fileName).matches();
    }

    /**
     * Checks a named object's name (map, mutex, semaphore, event, queue, shared heap): non-null, non-empty, at
     * most {@link SharedObjectDescriptor#MAX_NAME_LENGTH} chars (the header's limit).
     */
    public static void check(String name, String argument) {
        Checks.name(name, argument, SharedObjectDescriptor.MAX_NAME_LENGTH);
    }

    /** Checks a map's name: {@code null} (an anonymous or unnamed map) or a name {@link #check} accepts. */
    public static void checkMapName(String mapName) {
        if (mapName != null && mapName.isEmpty()) {
            throw new IllegalArgumentException("mapName must not be empty: use null for an anonymous map");
        }
        if (mapName != null) {
            check(mapName, "mapName");
        }
    }
}
