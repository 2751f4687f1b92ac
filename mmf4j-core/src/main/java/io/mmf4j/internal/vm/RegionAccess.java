package io.mmf4j.internal.vm;

import io.mmf4j.vm.Region;
import java.util.function.Function;

/**
 * The way from a public {@link Region} to its {@link RegionCore}, for internal code of other packages (views placed
 * in a region). {@code Region} installs it when its class initialises, which happens before any region exists.
 * Thread-safe.
 */
public final class RegionAccess {
    private static volatile Function<Region, RegionCore> cores;

    private RegionAccess() {}

    /** Called once, by {@code Region}'s static initialiser. */
    public static void install(Function<Region, RegionCore> accessor) {
        if (cores != null) {
            throw new IllegalStateException("already installed");
        }
        cores = accessor;
    }

    public static RegionCore core(Region region) {
        return cores.apply(region);
    }
}
