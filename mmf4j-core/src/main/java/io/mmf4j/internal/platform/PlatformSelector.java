package io.mmf4j.internal.platform;

import io.mmf4j.internal.platform.jdk.JdkPlatform;
import io.mmf4j.internal.platform.linux.LinuxPlatform;
import java.util.Locale;

/**
 * The one place that asks which OS this is: once, on the first {@link Platform#current()}, as the JDK's
 * {@code CABI} does. The system property {@value #PROPERTY} ({@code linux} or {@code jdk}) overrides the
 * default, which is the native backend of the OS where there is one and the portable {@code jdk} backend
 * elsewhere. A backend that cannot run — asked for on another OS, or native access denied — becomes an
 * {@link UnavailablePlatform} that fails on use with one message; selection itself never throws, so no static
 * initialiser does. Thread-safe (class-holder idiom).
 */
final class PlatformSelector {
    static final String PROPERTY = "mmf4j.platform";

    private PlatformSelector() {}

    private static final class Holder {
        static final Platform CURRENT = select(System.getProperty(PROPERTY, ""),
                System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    static Platform current() {
        return Holder.CURRENT;
    }

    /** The backend for a requested name (empty: the default) on OS {@code os} and architecture {@code arch}. */
    static Platform select(String requested, String os, String arch) {
        boolean linuxHere = os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"));
        String here = os + " " + arch;
        return switch (requested.trim().toLowerCase(Locale.ROOT)) {
            case "" -> linuxHere ? linux() : new JdkPlatform("the default on " + here + ", which has no native backend yet");
            case "linux" -> linuxHere ? linux() : new UnavailablePlatform("-D" + PROPERTY + "=linux asks for the "
                    + "Linux x86_64 backend, but this is " + here + "; use -D" + PROPERTY + "=jdk for the portable one",
                    null);
            case "jdk" -> new JdkPlatform("chosen by -D" + PROPERTY + "=jdk");
            default -> new UnavailablePlatform("-D" + PROPERTY + "=" + requested + " names no backend: use "
                    + PROPERTY + "=linux or " + PROPERTY + "=jdk", null);
        };
    }

    private static Platform linux() {
        try {
            return LinuxPlatform.create();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            // IllegalCallerException where native access is denied — directly, or wrapped by a class initialiser
            // (linking at class load) or by the FFI layer's "downcall failed unexpectedly" (linking on first use)
            return new UnavailablePlatform(nativeAccessDenied(e)
                    ? "mmf4j's linux backend needs native access, which this JVM denies: run java with "
                    + "--enable-native-access=io.mmf4j (module path) or --enable-native-access=ALL-UNNAMED "
                    + "(class path), or choose the portable backend with -D" + PROPERTY + "=jdk"
                    : "mmf4j's linux backend cannot reach libc (" + e + "); choose the portable backend with -D"
                    + PROPERTY + "=jdk", e);
        }
    }

    private static boolean nativeAccessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalCallerException) {
                return true;
            }
        }
        return false;
    }
}
