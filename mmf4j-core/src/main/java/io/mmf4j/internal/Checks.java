package io.mmf4j.internal;

/** Argument checks whose messages name the argument and its value. */
public final class Checks {
    private Checks() {}

    /**
     * {@code value}, or {@code NullPointerException} naming the argument. A plain test, not
     * {@code Objects.requireNonNull(value, () -> ...)}: that lambda captures {@code name}, and even where the JIT
     * scalar-replaces it, the compiled allocation still tests a JVMTI flag on every call (seen in the generated code
     * of the records' by-class loop).
     */
    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
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
