package io.mmf4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flushing (observed in the kernel's own accounting: /proc/self/smaps counts a page dirty until it is written
 * back), close, views outliving their map, and use after close.
 */
class ViewLifecycleTest {
    private static final long PAGE = Platform.current().mappings().pageSize();

    @TempDir
    Path dir;

    private Path zeros(long size) throws IOException {
        Path file = dir.resolve("zeros.bin");
        Files.write(file, new byte[(int) size]);
        return file;
    }

    /** Dirty kB of the mapping holding {@code address}, as the kernel reports it. */
    static long dirtyKb(long address) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc/self/smaps"));
        boolean inside = false;
        long dirty = 0;
        boolean found = false;
        for (String line : lines) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
                found |= inside;
            } else if (inside && (line.startsWith("Shared_Dirty:") || line.startsWith("Private_Dirty:"))) {
                dirty += Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        assertTrue(found, "no mapping at 0x" + Long.toHexString(address));
        return dirty;
    }

    private static long readLongFromFile(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            channel.read(buffer, position);
            return buffer.flip().getLong();
        }
    }

    @Test
    void flushWritesDirtyPagesBack() throws IOException {
        Path file = zeros(4 * PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            long address = view.segment().address();
            view.putLong(0, 11);
            view.putLong(2 * PAGE, 22);
            assertTrue(dirtyKb(address) > 0, "the writes should have dirtied pages");
            view.flush();
            assertEquals(0, dirtyKb(address), "flush left dirty pages");
            assertEquals(11, readLongFromFile(file, 0));
            assertEquals(22, readLongFromFile(file, 2 * PAGE));
        }
    }

    @Test
    void rangeFlushWritesThatRange() throws IOException {
        Path file = zeros(4 * PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor view = map.createViewAccessor(5, 0)) {
            long address = view.segment().address();
            view.putLong(PAGE, 33); // in the view's second page
            assertTrue(dirtyKb(address) > 0);
            view.flush(PAGE, 8);
            assertEquals(0, dirtyKb(address), "the range flush missed the page it covers");
            assertEquals(33, readLongFromFile(file, PAGE + 5));
            assertThrows(IndexOutOfBoundsException.class, () -> view.flush(0, view.capacity() + 1));
            assertThrows(IndexOutOfBoundsException.class, () -> view.flush(view.capacity(), 1));
            assertThrows(IllegalArgumentException.class, () -> view.flush(-1, 1));
            assertThrows(IllegalArgumentException.class, () -> view.flush(0, -1));
            view.flush(view.capacity(), 0);
        }
    }

    @Test
    void streamFlushWritesDirtyPagesBack() throws IOException {
        Path file = zeros(2 * PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewStream stream = map.createViewStream();
             MemoryMappedViewAccessor reader = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            long address = reader.segment().address();
            assertEquals(0, reader.getLong(0)); // maps the page in the reader too
            stream.writeLong(44);
            assertTrue(dirtyKb(address) > 0, "the page under the reader is dirty");
            stream.flush();
            assertEquals(0, dirtyKb(address));
            assertEquals(44, readLongFromFile(file, 0));
        }
    }

    @Test
    void closingAWritableViewFlushesIt() throws IOException {
        Path file = zeros(2 * PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
             MemoryMappedViewAccessor watcher = map.createViewAccessor(0, 0, MemoryMappedFileAccess.READ)) {
            long address = watcher.segment().address();
            MemoryMappedViewAccessor writer = map.createViewAccessor();
            writer.putLong(8, 55);
            assertEquals(55, watcher.getLong(8));
            assertTrue(dirtyKb(address) > 0, "the shared page is dirty");
            writer.close();
            assertEquals(0, dirtyKb(address), "close did not flush");
            assertEquals(55, readLongFromFile(file, 8));

            MemoryMappedViewStream stream = map.createViewStream();
            stream.position(16).writeLong(66);
            assertTrue(dirtyKb(address) > 0);
            stream.close();
            assertEquals(0, dirtyKb(address), "closing a stream did not flush");
        }
    }

    @Test
    void closingReadOnlyAndCopyOnWriteViewsDoesNotFail() throws IOException {
        Path file = zeros(PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ)) {
            MemoryMappedViewAccessor view = map.createViewAccessor();
            MemoryMappedViewStream stream = map.createViewStream();
            MemoryMappedViewAccessor cow = map.createViewAccessor(0, 0, MemoryMappedFileAccess.COPY_ON_WRITE);
            cow.putLong(0, 9);
            assertDoesNotThrow(view::close);
            assertDoesNotThrow(stream::close);
            assertDoesNotThrow(cow::close);
        }
        assertEquals(0, readLongFromFile(file, 0));
    }

    @Test
    void viewsOutliveTheirMap() throws IOException {
        Path file = zeros(PAGE);
        MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
        MemoryMappedViewAccessor view = map.createViewAccessor();
        MemoryMappedViewStream stream = map.createViewStream();
        map.close();
        assertThrows(IllegalStateException.class, map::createViewAccessor, "no new views from a closed map");
        assertThrows(IllegalStateException.class, () -> map.createViewStream(0, 1));
        view.putLong(0, 77);
        assertEquals(77, stream.readLong());
        view.close();
        stream.writeLong(88);
        stream.close();
        assertEquals(77, readLongFromFile(file, 0));
        assertEquals(88, readLongFromFile(file, 8));
    }

    @Test
    void useAfterCloseThrowsIllegalStateAndCloseIsIdempotent() throws IOException {
        Path file = zeros(PAGE);
        MemoryMappedFile map = MemoryMappedFile.createFromFile(file);
        MemoryMappedViewAccessor view = map.createViewAccessor();
        MemoryMappedViewAccessor bigEndian = view.withOrder(ByteOrder.BIG_ENDIAN);
        view.close();
        view.close();
        bigEndian.close();
        map.close();
        map.close();
        assertThrows(IllegalStateException.class, () -> view.getByte(0));
        assertThrows(IllegalStateException.class, () -> view.putLong(0, 1));
        assertThrows(IllegalStateException.class, () -> bigEndian.getInt(0));
        assertThrows(IllegalStateException.class, () -> view.readArray(0, new byte[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> view.writeArray(0, new long[1], 0, 1));
        assertThrows(IllegalStateException.class, () -> view.compareAndSetLong(0, 0, 1));
        assertThrows(IllegalStateException.class, () -> view.getIntVolatile(0));
        assertThrows(IllegalStateException.class, () -> view.read(0, AccessorTest.Color.class));
        assertThrows(IllegalStateException.class, view::flush);
        assertThrows(IllegalStateException.class, () -> view.flush(0, 1));
        assertThrows(IllegalStateException.class, view::segment);
        assertThrows(IllegalStateException.class, () -> view.withOrder(ByteOrder.LITTLE_ENDIAN));
        assertThrows(IllegalStateException.class, map::createViewAccessor);
        assertThrows(IllegalStateException.class, map::createViewStream);
        assertEquals(PAGE, view.capacity(), "plain properties stay readable");
    }

    @Test
    void closingWhileOtherThreadsReadAndWriteNeverFaults() throws Exception {
        Path file = zeros(16 * PAGE);
        for (boolean handOut : new boolean[] {false, true}) {
            try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
                MemoryMappedViewAccessor view = map.createViewAccessor();
                MemorySegment raw = handOut ? view.segment() : null;
                java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(2);
                java.util.concurrent.ConcurrentLinkedQueue<Throwable> endings = new java.util.concurrent.ConcurrentLinkedQueue<>();
                Thread[] threads = new Thread[2];
                for (int t = 0; t < threads.length; t++) {
                    int id = t;
                    threads[t] = Thread.ofPlatform().start(() -> {
                        long[] chunk = new long[64];
                        running.countDown();
                        try {
                            for (long i = 0; ; i++) {
                                long at = (i * 8 * 64) % (16 * PAGE - 8 * 64);
                                if (id == 0) {
                                    view.readArray(at, chunk, 0, chunk.length);
                                    view.getAndAddLong(at & ~7L, 1);
                                } else if (raw != null) {
                                    raw.set(ValueLayout.JAVA_LONG_UNALIGNED, at, i);
                                } else {
                                    view.putLong(at, i);
                                }
                            }
                        } catch (Throwable e) {
                            endings.add(e);
                        }
                    });
                }
                running.await();
                Thread.sleep(20);
                view.close();
                for (Thread thread : threads) {
                    thread.join(10_000);
                    assertFalse(thread.isAlive(), "a thread kept accessing a closed view");
                }
                assertEquals(2, endings.size());
                for (Throwable ending : endings) {
                    assertTrue(ending instanceof IllegalStateException, "ended with " + ending);
                }
            }
        }
    }

    @Test
    void aHandedOutSegmentDiesWithItsView() throws IOException {
        Path file = zeros(PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            MemoryMappedViewAccessor view = map.createViewAccessor();
            MemorySegment segment = view.segment();
            segment.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 5L);
            assertEquals(5, view.getLong(0));
            view.close();
            assertFalse(segment.scope().isAlive(), "the segment outlived its view");
            assertThrows(IllegalStateException.class, () -> segment.get(ValueLayout.JAVA_BYTE, 0));
        }
        assertEquals(5, readLongFromFile(file, 0));
    }

    @Test
    void streamUseAfterCloseFollowsTheChannelContract() throws IOException {
        Path file = zeros(PAGE);
        try (MemoryMappedFile map = MemoryMappedFile.createFromFile(file)) {
            MemoryMappedViewStream stream = map.createViewStream();
            var in = stream.asInputStream();
            var out = stream.asOutputStream();
            assertTrue(stream.isOpen());
            stream.close();
            stream.close();
            assertFalse(stream.isOpen());
            assertThrows(ClosedChannelException.class, stream::position);
            assertThrows(ClosedChannelException.class, () -> stream.position(1));
            assertThrows(ClosedChannelException.class, stream::size);
            assertThrows(ClosedChannelException.class, () -> stream.read(ByteBuffer.allocate(1)));
            assertThrows(ClosedChannelException.class, () -> stream.write(ByteBuffer.allocate(1)));
            assertThrows(ClosedChannelException.class, stream::readInt);
            assertThrows(ClosedChannelException.class, () -> stream.writeInt(1));
            assertThrows(ClosedChannelException.class, stream::readString);
            assertThrows(ClosedChannelException.class, stream::flush);
            assertThrows(ClosedChannelException.class, in::read);
            assertThrows(ClosedChannelException.class, () -> out.write(1));
            assertThrows(ClosedChannelException.class, () -> out.write(new byte[2], 0, 2));
        }
    }
}
