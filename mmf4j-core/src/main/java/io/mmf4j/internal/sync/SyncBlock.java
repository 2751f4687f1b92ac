package io.mmf4j.internal.sync;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * One opened named sync object: its name, the shared memory holding its {@code *Descriptor} layout, and what
 * to close to let go of that memory (which, for the last holder, reclaims the name).
 *
 * @param name     the object's name, as the caller gave it
 * @param segment  the object's block, at least its descriptor's {@code SIZE} bytes, 8-byte aligned
 * @param resource released once, by {@link #release()}
 */
public record SyncBlock(String name, MemorySegment segment, AutoCloseable resource) {

    /** Lets go of the memory; failures to unmap are reported, never thrown from a {@code close()}. */
    public void release() {
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            System.Logger logger = System.getLogger("io.mmf4j.sync");
            logger.log(System.Logger.Level.WARNING, "closing named sync object " + name + " failed", e);
        } catch (Exception e) {
            throw new IllegalStateException("closing named sync object " + name + " failed", e);
        }
    }
}
