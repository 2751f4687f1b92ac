package io.mmf4j.internal;

import java.util.Objects;

/** Argument checks whose messages name the argument and its value. */
public final class Checks {
    private Checks() {}

    public static <T> T notNull(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " must not be null");
    }

    public static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
        return value;
    }

    /**
     * The one name check of mmf4j: {@code name} is non-null and has 1 to {@code maxLength} characters. Every named
     * thing goes through it, with its own limit: named objects ({@code NameEncoding#check}), map names
     * ({@code NameEncoding#checkMapName}) and the named blocks of a shared heap.
     */
    public static String name(String name, String argument, int maxLength) {
        notNull(name, argument);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(argument + " must not be empty");
        }
        if (name.length() > maxLength) {
            throw new IllegalArgumentException(argument + " is " + name.length() + " characters long; at most "
                    + maxLength + " are allowed");
        }
        return name;
    }

    public static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
        return value;
    }
}
