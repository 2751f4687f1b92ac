package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.platform.Platform;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferOverflowException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Argument validation over random inputs: every call either succeeds with the documented result or throws
 * the documented exception, never anything else, and a failed call leaves the file system as it was.
 * The expected outcome is computed by an oracle written from the documentation, not from the code.
 */
class ArgumentPropertiesTest {
    private static final long PAGE = Platform.current().mappings().pageSize();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("mmf4j-properties");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static byte[] content(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    // ---- createFromFile ------------------------------------------------------------------------

    /** The capacity a property asks for: negative, 0 (the file's size), below, at or above the file's size. */
    private static long capacity(int kind, long size, int delta) {
        return switch (kind) {
            case 0 -> -delta;
            case 1 -> 0;
            case 2 -> size - delta;
            case 3 -> size;
            default -> size + delta;
        };
    }

    /** What createFromFile must do, by its documentation. */
    private static Class<? extends Throwable> expectedFailure(boolean exists, long size, FileMode mode, long capacity,
                                                              MemoryMappedFileAccess access) {
        boolean creates = mode == FileMode.CREATE || mode == FileMode.CREATE_NEW;
        boolean writesFile = access == MemoryMappedFileAccess.READ_WRITE || access == MemoryMappedFileAccess.READ_WRITE_EXECUTE;
        if (capacity < 0 || access == MemoryMappedFileAccess.WRITE || mode == FileMode.TRUNCATE || mode == FileMode.APPEND
                || (creates && capacity == 0) || (creates && !writesFile)) {
            return IllegalArgumentException.class;
        }
        if (exists && mode == FileMode.CREATE_NEW) {
            return FileAlreadyExistsException.class;
        }
        if (!exists && mode == FileMode.OPEN) {
            return NoSuchFileException.class;
        }
        long fileSize = exists && mode != FileMode.CREATE ? size : 0;
        if ((capacity == 0 && fileSize == 0) || (capacity != 0 && capacity < fileSize) || (capacity > fileSize && !writesFile)) {
            return IllegalArgumentException.class;
        }
        return null;
    }

    @Property(tries = 250)
    void createFromFileSucceedsOrFailsAsDocumented(
            @ForAll @IntRange(min = -1, max = 9000) int existingSize, @ForAll FileMode mode,
            @ForAll @IntRange(min = 0, max = 5) int capacityKind, @ForAll @IntRange(min = 1, max = 9000) int delta,
            @ForAll MemoryMappedFileAccess access) throws IOException {
        Path file = dir.resolve("create-" + COUNTER.incrementAndGet());
        boolean exists = existingSize >= 0;
        byte[] before = exists ? content(existingSize) : null;
        if (exists) {
            Files.write(file, before);
        }
        long size = Math.max(existingSize, 0);
        long capacity = capacity(capacityKind, size, delta);
        Class<? extends Throwable> expected = expectedFailure(exists, size, mode, capacity, access);
        try {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, mode, null, capacity, access)) {
                assertEquals(null, expected, "succeeded, but " + expected + " was documented");
                long fileSize = exists && mode != FileMode.CREATE ? size : 0;
                long mapCapacity = capacity == 0 ? fileSize : capacity;
                assertEquals(mapCapacity, map.capacity());
                assertEquals(access, map.access());
                assertEquals(mapCapacity, Files.size(file), "the file grows to exactly the capacity");
                byte[] now = Files.readAllBytes(file);
                for (int i = 0; i < now.length; i++) {
                    byte old = fileSize > i ? before[i] : 0;
                    if (now[i] != old) {
                        assertEquals(old, now[i], "byte " + i);
                    }
                }
            }
        } catch (IllegalArgumentException | FileAlreadyExistsException | NoSuchFileException e) {
            assertEquals(expected, e.getClass(), "threw " + e);
            if (exists) {
                assertArrayEquals(before, Files.readAllBytes(file), "a failed call changed the file");
            } else {
                assertFalse(Files.exists(file), "a failed call left a file behind");
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---- createFromFile(FileChannel) -------------------------------------------------------------

    @Property(tries = 150)
    void createFromChannelSucceedsOrFailsAsDocumented(
            @ForAll @IntRange(min = 0, max = 9000) int size, @ForAll boolean writableChannel,
            @ForAll @IntRange(min = 0, max = 5) int capacityKind, @ForAll @IntRange(min = 1, max = 9000) int delta,
            @ForAll MemoryMappedFileAccess access, @ForAll boolean leaveOpen) throws IOException {
        Path file = dir.resolve("channel-" + COUNTER.incrementAndGet());
        byte[] before = content(size);
        Files.write(file, before);
        long capacity = capacity(capacityKind, size, delta);
        boolean writesFile = access == MemoryMappedFileAccess.READ_WRITE || access == MemoryMappedFileAccess.READ_WRITE_EXECUTE;
        Class<? extends Throwable> expected;
        if (capacity < 0 || access == MemoryMappedFileAccess.WRITE) {
            expected = IllegalArgumentException.class;
        } else if (access.canExecute()) {
            expected = UnsupportedOperationException.class;
        } else if ((capacity == 0 && size == 0) || (capacity != 0 && capacity < size) || (capacity > size && !writesFile)) {
            expected = IllegalArgumentException.class;
        } else if (!writableChannel && (capacity > size || access.canWrite())) {
            expected = AccessDeniedException.class;
        } else {
            expected = null;
        }
        FileChannel channel = writableChannel
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
        try {
            MemoryMappedFile map = MemoryMappedFile.createFromFile(channel, null, capacity, access, leaveOpen);
            assertEquals(null, expected, "succeeded, but " + expected + " was documented");
            long mapCapacity = capacity == 0 ? size : capacity;
            assertEquals(mapCapacity, map.capacity());
            assertEquals(mapCapacity, Files.size(file));
            try (MemoryMappedViewAccessor view = map.createViewAccessor()) {
                assertEquals(size > 0 ? before[size - 1] : 0, view.getByte(Math.max(0, size - 1)));
            }
            map.close();
            if (leaveOpen) {
                assertTrue(channel.isOpen());
            } else {
                ChannelMapTest.awaitClosed(channel);
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | AccessDeniedException e) {
            assertEquals(expected, e.getClass(), "threw " + e);
            assertTrue(channel.isOpen(), "a failed call closed the channel");
            assertArrayEquals(before, Files.readAllBytes(file), "a failed call changed the file");
        } finally {
            channel.close();
            Files.deleteIfExists(file);
        }
    }

    // ---- views ---------------------------------------------------------------------------------

    /** The view access a map's access allows, by the documentation: a subset, COPY_ON_WRITE counting as read. */
    private static boolean allowed(MemoryMappedFileAccess map, MemoryMappedFileAccess view) {
        if (view == MemoryMappedFileAccess.WRITE) {
            return false;
        }
        if (view == MemoryMappedFileAccess.COPY_ON_WRITE) {
            return true; // every map can read
        }
        if (map == MemoryMappedFileAccess.COPY_ON_WRITE) {
            return view == MemoryMappedFileAccess.READ;
        }
        return (!view.canWrite() || map.canWrite()) && (!view.canExecute() || map.canExecute());
    }

    @Provide
    Arbitrary<Long> positions() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-3, 3 * PAGE + 3),
                Arbitraries.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE, Long.MAX_VALUE - 1, PAGE, PAGE - 1, PAGE + 1));
    }

    @Property(tries = 300)
    void viewsAreMadeOrRefusedAsDocumented(
            @ForAll @IntRange(min = 1, max = 3 * 4096 + 17) int capacity,
            @ForAll("mapAccesses") MemoryMappedFileAccess mapAccess, @ForAll MemoryMappedFileAccess viewAccess,
            @ForAll("positions") long offset, @ForAll("positions") long size, @ForAll boolean stream) throws IOException {
        Path file = dir.resolve("view-" + COUNTER.incrementAndGet());
        byte[] bytes = content(capacity);
        Files.write(file, bytes);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, mapAccess)) {
            boolean valid = offset >= 0 && size >= 0 && offset <= capacity && size <= capacity - offset
                    && (size != 0 || offset < capacity) && allowed(mapAccess, viewAccess);
            long viewSize = size == 0 ? capacity - offset : size;
            try {
                if (stream) {
                    try (MemoryMappedViewStream view = map.createViewStream(offset, size, viewAccess)) {
                        assertTrue(valid, "made a view that is documented to be refused");
                        assertEquals(viewSize, view.size());
                        assertEquals(offset % PAGE, view.pointerOffset());
                        assertEquals(viewAccess, view.access());
                        assertEquals(bytes[(int) offset], view.readByte());
                    }
                } else {
                    try (MemoryMappedViewAccessor view = map.createViewAccessor(offset, size, viewAccess)) {
                        assertTrue(valid, "made a view that is documented to be refused");
                        assertEquals(viewSize, view.capacity());
                        assertEquals(offset, view.offset());
                        assertEquals(offset % PAGE, view.pointerOffset());
                        assertEquals(viewAccess, view.access());
                        assertEquals(viewAccess.canWrite(), view.canWrite());
                        assertEquals(bytes[(int) offset], view.getByte(0));
                        assertEquals(bytes[(int) (offset + viewSize - 1)], view.getByte(viewSize - 1));
                    }
                }
            } catch (IllegalArgumentException e) {
                assertFalse(valid, "refused a valid view: " + e);
            } catch (AccessDeniedException e) {
                assertTrue(valid && viewAccess.canExecute(), "only execute may be refused by the OS: " + e);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<MemoryMappedFileAccess> mapAccesses() {
        return Arbitraries.of(MemoryMappedFileAccess.class).filter(a -> a != MemoryMappedFileAccess.WRITE);
    }

    // ---- positions ----------------------------------------------------------------------------

    private static final int VIEW = 100;

    @Property(tries = 300)
    void accessesInsideTheViewWorkAndOutsideThrowIndexOutOfBounds(
            @ForAll("nearView") long position, @ForAll @IntRange(min = 0, max = 4) int kind,
            @ForAll @IntRange(min = -2, max = 12) int index, @ForAll @IntRange(min = -2, max = 12) int count) throws IOException {
        Path file = dir.resolve("pos-" + COUNTER.incrementAndGet());
        Files.write(file, new byte[VIEW + 50]);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             // copy-on-write: the same positions rules, without a flush to disk at every close
             MemoryMappedViewAccessor view = map.createViewAccessor(7, VIEW, MemoryMappedFileAccess.COPY_ON_WRITE);
             MemoryMappedViewStream stream = map.createViewStream(7, VIEW, MemoryMappedFileAccess.COPY_ON_WRITE)) {
            int width = new int[] {1, 2, 4, 8, 8}[kind];
            boolean inside = position >= 0 && position <= VIEW - width;
            try {
                switch (kind) {
                    case 0 -> { view.putByte(position, (byte) 5); assertEquals(5, view.getByte(position)); }
                    case 1 -> { view.putShort(position, (short) 5); assertEquals(5, view.getShort(position)); }
                    case 2 -> { view.putFloat(position, 5f); assertEquals(5f, view.getFloat(position)); }
                    case 3 -> { view.putLong(position, 5); assertEquals(5, view.getLong(position)); }
                    default -> {
                        AccessorTest.Color c = new AccessorTest.Color((short) 1, (short) 2, (short) 3, (short) 5);
                        view.write(position, c);
                        assertEquals(c, view.read(position, AccessorTest.Color.class));
                    }
                }
                assertTrue(inside, "accessed " + width + " bytes at " + position + " of a " + VIEW + "-byte view");
            } catch (IndexOutOfBoundsException e) {
                assertFalse(inside, "refused an access inside the view: " + e);
            }
            long[] array = new long[10];
            boolean arrayOk = index >= 0 && count >= 0 && index <= 10 - count
                    && position >= 0 && position <= VIEW - 8L * count;
            try {
                view.writeArray(position, array, index, count);
                assertEquals(count, view.readArray(position, array, index, count));
                assertTrue(arrayOk, "copied " + count + " longs from " + index + " at " + position);
            } catch (IndexOutOfBoundsException e) {
                assertFalse(arrayOk, "refused a valid array copy: " + e);
            }
            if (position >= 0) {
                stream.position(position);
                try {
                    stream.writeInt(9);
                    assertTrue(position <= VIEW - 4, "wrote past the end at " + position);
                    stream.position(position);
                    assertEquals(9, stream.readInt());
                } catch (BufferOverflowException e) {
                    assertTrue(position > VIEW - 4, "overflow inside the view at " + position);
                    assertEquals(position, stream.position(), "a refused write moved the position");
                    try {
                        stream.readInt();
                        throw new AssertionError("read past the end at " + position);
                    } catch (EOFException expected) {
                        assertEquals(position, stream.position());
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Provide
    Arbitrary<Long> nearView() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10, VIEW + 10),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE - 3, (long) Integer.MAX_VALUE + 1));
    }
}
