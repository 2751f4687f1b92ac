package io.mmf4j.internal;

import io.mmf4j.internal.platform.MappingPlatform;
import io.mmf4j.internal.platform.Platform;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The read-modify-write atomics of a view ({@code compareAndSet*}, {@code getAndAdd*}, {@code getAndSet*}) over
 * the backend's guarded compare-and-set ({@link MappingPlatform#compareAndSetLong}), so that a page that vanishes
 * under a view — its file truncated, its tmpfs full — is an {@code InternalError}, as for every other access,
 * and never a JVM abort. {@code getAndAdd} and {@code getAndSet} are compare-and-set loops over a plain load, which
 * the JVM guards itself.
 *
 * <p>Checks what the JDK's atomic access checks: bounds ({@code IndexOutOfBoundsException}), alignment of the address
 * ({@code IllegalArgumentException}) and the segment's arena ({@code IllegalStateException}, from the backend's call,
 * which also keeps the arena open while the instruction runs). Stateless.
 */
final class ViewAtomics {
    private static final MappingPlatform MAPPINGS = Platform.current().mappings();

    private ViewAtomics() {}

    static boolean compareAndSetInt(MemorySegment segment, long position, int expected, int value) {
        check(segment, position, Integer.BYTES);
        return MAPPINGS.compareAndSetInt(segment, position, expected, value);
    }

    static int getAndAddInt(MemorySegment segment, long position, int delta) {
        check(segment, position, Integer.BYTES);
        int current;
        do {
            current = segment.get(ValueLayout.JAVA_INT, position);
        } while (!MAPPINGS.compareAndSetInt(segment, position, current, current + delta));
        return current;
    }

    static int getAndSetInt(MemorySegment segment, long position, int value) {
        check(segment, position, Integer.BYTES);
        int current;
        do {
            current = segment.get(ValueLayout.JAVA_INT, position);
        } while (!MAPPINGS.compareAndSetInt(segment, position, current, value));
        return current;
    }

    static boolean compareAndSetLong(MemorySegment segment, long position, long expected, long value) {
        check(segment, position, Long.BYTES);
        return MAPPINGS.compareAndSetLong(segment, position, expected, value);
    }

    static long getAndAddLong(MemorySegment segment, long position, long delta) {
        check(segment, position, Long.BYTES);
        long current;
        do {
            current = segment.get(ValueLayout.JAVA_LONG, position);
        } while (!MAPPINGS.compareAndSetLong(segment, position, current, current + delta));
        return current;
    }

    static long getAndSetLong(MemorySegment segment, long position, long value) {
        check(segment, position, Long.BYTES);
        long current;
        do {
            current = segment.get(ValueLayout.JAVA_LONG, position);
        } while (!MAPPINGS.compareAndSetLong(segment, position, current, value));
        return current;
    }

    private static void check(MemorySegment segment, long position, int size) {
        Objects.checkFromIndexSize(position, size, segment.byteSize());
        if (((segment.address() + position) & (size - 1)) != 0) {
            if (!segment.scope().isAlive()) {
                throw new IllegalStateException("Already closed"); // a closed view says so first, as the JDK does
            }
            throw new IllegalArgumentException("misaligned atomic access at offset " + position + ": a " + size
                    + "-byte atomic needs an address that is a multiple of " + size);
        }
    }
}
