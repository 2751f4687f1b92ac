package io.mmf4j.internal.platform;

/**
 * The backend that was asked for but cannot run here: every capability throws
 * {@code UnsupportedOperationException} with the one message that says why and what to do (which flag to
 * pass). Immutable and thread-safe.
 */
final class UnavailablePlatform implements Platform {
    private final String reason;
    private final Throwable cause;

    UnavailablePlatform(String reason, Throwable cause) {
        this.reason = reason;
        this.cause = cause;
    }

    private UnsupportedOperationException unavailable() {
        return new UnsupportedOperationException("mmf4j has no usable backend: " + reason, cause);
    }

    @Override
    public String name() {
        return "unavailable";
    }

    @Override
    public FilePlatform files() {
        throw unavailable();
    }

    @Override
    public MappingPlatform mappings() {
        throw unavailable();
    }

    @Override
    public WaitPlatform waits() {
        throw unavailable();
    }

    @Override
    public ProcessPlatform processes() {
        throw unavailable();
    }

    @Override
    public PlacedMappings placedMappings() {
        throw unavailable();
    }

    @Override
    public VirtualMemoryPlatform virtualMemory() {
        throw unavailable();
    }

    @Override
    public NamedObjectStore namedObjects() {
        throw unavailable();
    }

    @Override
    public String toString() {
        return "unavailable backend: " + reason;
    }
}
