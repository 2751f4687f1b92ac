package io.mmf4j.internal.sharedheap;

import static io.mmf4j.internal.sharedheap.SharedHeapDescriptor.*;

import io.mmf4j.FileMode;
import io.mmf4j.NamedObjectKind;
import io.mmf4j.SharedNamespace;
import io.mmf4j.heap.SharedHeap;
import io.mmf4j.internal.Checks;
import io.mmf4j.internal.platform.FileCreation;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import io.mmf4j.internal.shared.NameEncoding;
import io.mmf4j.internal.shared.Namespace;
import io.mmf4j.internal.shared.SharedHandle;
import io.mmf4j.internal.sync.MutexDescriptor;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link SharedHeap} factories. A named heap is a named object of kind {@code SHARED_HEAP} — a named map
 * with the namespaces, rights and lifetime of named maps — formatted before it gets its name, so nobody sees a
 * half-made heap. A persistent heap is a file, held with a shared {@code flock} by each process that has it open;
 * the opener that finds no other holder (an exclusive lock succeeds) knows that whatever the heap mutex says is
 * stale — its holders are gone, perhaps since a reboot — clears it and repairs before anyone else gets in.
 */
public final class SharedHeaps {
    /** The smallest capacity: the header, 64 buckets, a bitmap and one block. */
    static final long MIN_CAPACITY = 8192;

    private SharedHeaps() {}

    private static void checkCapacity(long capacity) {
        if (capacity < MIN_CAPACITY || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be " + MIN_CAPACITY + " to " + MAX_CAPACITY
                    + " bytes, not " + capacity);
        }
    }

    private static void checkName(SharedNamespace namespace, String name) {
        Checks.notNull(namespace, "namespace");
        NameEncoding.check(name, "name");
    }

    public static SharedHeap createNew(SharedNamespace namespace, String name, long capacity) throws IOException {
        checkName(namespace, name);
        checkCapacity(capacity);
        SharedHandle handle = ((Namespace) namespace).create(NamedObjectKind.SHARED_HEAP, name, capacity, capacity, 0,
                true, payload -> BlockSpace.format(payload, capacity));
        return named(handle);
    }

    public static SharedHeap createOrOpen(SharedNamespace namespace, String name, long capacity) throws IOException {
        checkName(namespace, name);
        checkCapacity(capacity);
        SharedHandle handle = ((Namespace) namespace).createOrOpen(NamedObjectKind.SHARED_HEAP, name, capacity,
                capacity, 0, true, payload -> BlockSpace.format(payload, capacity), true);
        return named(handle);
    }

    public static SharedHeap openExisting(SharedNamespace namespace, String name) throws IOException {
        checkName(namespace, name);
        return named(((Namespace) namespace).open(NamedObjectKind.SHARED_HEAP, name, true));
    }

    private static SharedHeap named(SharedHandle handle) throws IOException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment heap = handle.mapPayload(0, handle.payloadSize(), MapAccess.READ_WRITE, arena);
            return open("shared heap '" + handle.name() + "'", arena, heap, new SharedHeapImpl.Backing() {
                @Override
                public void flush() throws IOException {
                    Platform.current().mappings().flush(heap);
                }

                @Override
                public void close() throws IOException {
                    handle.close();
                }
            });
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            try {
                handle.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public static SharedHeap createFromFile(Path path, FileMode mode, long capacity) throws IOException {
        Checks.notNull(path, "path");
        Checks.notNull(mode, "mode");
        Checks.nonNegative(capacity, "capacity");
        FileCreation creation = switch (mode) {
            case CREATE_NEW -> FileCreation.CREATE_NEW;
            case CREATE -> FileCreation.CREATE_OR_TRUNCATE;
            case OPEN -> FileCreation.OPEN_EXISTING;
            case OPEN_OR_CREATE -> FileCreation.OPEN_OR_CREATE;
            case TRUNCATE, APPEND -> throw new IllegalArgumentException("mode " + mode
                    + " cannot be used for a persistent heap: use CREATE, CREATE_NEW, OPEN or OPEN_OR_CREATE");
        };
        if (capacity != 0 || mode == FileMode.CREATE || mode == FileMode.CREATE_NEW) {
            checkCapacity(capacity);
        }
        var mappings = Platform.current().mappings();
        HeapFiles.Opened opened = HeapFiles.open(path, creation);
        HeapFiles.Hold hold = opened.hold();
        OsFile file = hold.file;
        Arena arena = Arena.ofShared();
        boolean fresh = opened.created() || mode == FileMode.CREATE;
        try {
            if (fresh && capacity == 0) {
                throw new IllegalArgumentException("capacity 0 means the heap's own, and " + path
                        + " holds no heap yet: give a capacity > 0");
            }
            if (!opened.alone()) {
                hold.share(); // waits while a creator formats or a first opener repairs
            }
            long size = fresh ? capacity : openedSize(file, path, capacity);
            if (fresh) {
                file.allocate(0, capacity);
            }
            MemorySegment heap = mappings.map(file, 0, size, MapAccess.READ_WRITE, arena);
            if (fresh) {
                BlockSpace.format(heap, capacity);
            }
            SharedHeapImpl impl = open("persistent heap " + path, arena, heap, new SharedHeapImpl.Backing() {
                @Override
                public void flush() throws IOException {
                    mappings.flush(heap);
                    file.sync();
                }

                @Override
                public void close() throws IOException {
                    HeapFiles.release(hold);
                }
            });
            if (opened.alone() && !fresh) {
                clearStaleMutex(heap);
                impl.validate(); // takes the mutex: repairs what the last holders left, before anyone else opens
            }
            hold.share();
            return impl;
        } catch (IOException | RuntimeException | Error e) {
            arena.close();
            try {
                HeapFiles.release(hold);
                if (opened.created()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static SharedHeapImpl open(String description, Arena arena, MemorySegment heap,
                                       SharedHeapImpl.Backing backing) throws FileSystemException {
        try {
            return new SharedHeapImpl(description, arena, heap, backing);
        } catch (HeapCorruptedException e) {
            throw new FileSystemException(description, null, e.getMessage());
        }
    }

    /** The size of an existing heap file, checked against the capacity asked (0: the heap's own). */
    private static long openedSize(OsFile file, Path path, long capacity) throws IOException {
        long size = file.size();
        if (size < MIN_CAPACITY || size > MAX_CAPACITY) {
            throw new FileSystemException(path.toString(), null, "is not a persistent heap (size " + size + ")");
        }
        if (capacity != 0 && capacity != size) {
            throw new IllegalArgumentException("capacity " + capacity + " differs from the capacity " + size
                    + " of the heap in " + path + ": give 0 or " + size);
        }
        return size;
    }

    /** No process holds the file: the mutex's owner, if any, is a dead process (or one from before a reboot). */
    private static void clearStaleMutex(MemorySegment heap) {
        if (Cells.get(heap, MUTEX_OFFSET + MutexDescriptor.OWNER_OFFSET) != 0) {
            Cells.putInt(heap, MUTEX_OFFSET + MutexDescriptor.RECURSION_OFFSET, 0);
            Cells.putInt(heap, MUTEX_OFFSET + MutexDescriptor.SIGNAL_OFFSET, 0); // no sleeper is left to wake
            Cells.putInt(heap, MUTEX_OFFSET + MutexDescriptor.ABANDONED_OFFSET, 1);
            Cells.put(heap, MUTEX_OFFSET + MutexDescriptor.OWNER_OFFSET, 0);
        }
    }
}
