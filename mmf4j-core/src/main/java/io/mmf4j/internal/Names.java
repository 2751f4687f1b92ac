package io.mmf4j.internal;

/** Rules for map names shared by every kind of map. */
public final class Names {
    private Names() {}

    /** A map name is {@code null} (anonymous) or any non-empty string. */
    public static void checkMapName(String mapName) {
        if (mapName != null && mapName.isEmpty()) {
            throw new IllegalArgumentException("mapName must not be empty: use null for an anonymous map");
        }
    }
}
