package io.mmf4j.internal.platform;

import io.mmf4j.internal.platform.linux.LinuxPlatform;

/** The one place that asks which OS this is, once, when the platform is first used. */
final class PlatformSelector {
    static final Platform CURRENT = select();

    private PlatformSelector() {}

    private static Platform select() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (os.startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return new LinuxPlatform();
        }
        throw new UnsupportedOperationException(
                "mmf4j supports Linux x86_64 so far; this is " + os + " " + arch);
    }
}
