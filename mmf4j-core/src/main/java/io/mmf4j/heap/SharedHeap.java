package io.mmf4j.heap;

import io.mmf4j.FileMode;
import io.mmf4j.SharedNamespace;
import io.mmf4j.internal.sharedheap.SharedHeapImpl;
import io.mmf4j.internal.sharedheap.SharedHeaps;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A heap inside shared memory (a named map) or a file (a persistent heap), used by many processes at once: what
 * Boost.Interprocess's {@code managed_shared_memory} and {@code managed_mapped_file} are to C++, made safe
 * against {@code kill -9} at any instant.
 *
 * <p>Blocks are named by <em>handles</em>: offsets {@code > 0} from the heap's start, the same in every
 * process, so they can be stored inside other blocks. {@link #segment(long)} gives a block's bytes in this
 * process. Blocks are aligned to 16 and not zeroed. Named blocks ({@link #findOrCreate}) are initialised by
 * exactly one process; nobody sees one half-initialised.
 *
 * <p>Every {@code allocate}, {@code free}, {@code findOrCreate} and {@code unbind} happens entirely or not at
 * all whenever the calling process dies: the heap mutex notices a dead holder, and the next operation repairs
 * the heap from the undo record in its header (README, section "shared heaps").
 *
 * {@snippet :
 * try (SharedHeap heap = SharedHeap.createOrOpen("jobs", 1 << 20)) {
 *     long counter = heap.findOrCreate("counter", 8, block -> block.set(ValueLayout.JAVA_LONG, 0, 1L));
 *     long node = heap.allocate(64);               // a handle: store it in another block
 *     heap.segment(node).fill((byte) 0);
 *     heap.free(node);
 * }
 * }
 *
 * <p>Thread-safe: any number of threads of any number of processes. A named heap lives while any process holds
 * it, as a named map does; a persistent heap lives in its file. Close is idempotent; every other method throws
 * {@code IllegalStateException} after it, and segments handed out become invalid.
 */
public sealed interface SharedHeap extends AutoCloseable permits SharedHeapImpl {

    /**
     * Creates a shared heap of {@code capacity} bytes named {@code name} in this user's namespace.
     *
     * @param name the heap's name: 1 to 32767 characters
     * @param capacity the heap's size in bytes, the header and bookkeeping included
     * @return the new, empty heap
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the memory cannot
     *     be committed
     */
    static SharedHeap createNew(String name, long capacity) throws IOException {
        return SharedHeaps.createNew(SharedNamespace.local(), name, capacity);
    }

    /**
     * Creates a shared heap in {@code namespace}; {@code FileAlreadyExistsException} if the name is live.
     *
     * @param namespace where the name lives
     * @param name the heap's name: 1 to 32767 characters
     * @param capacity the heap's size in bytes, the header and bookkeeping included
     * @return the new, empty heap
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the memory cannot
     *     be committed
     */
    static SharedHeap createNew(SharedNamespace namespace, String name, long capacity) throws IOException {
        return SharedHeaps.createNew(namespace, name, capacity);
    }

    /**
     * Opens the live heap {@code name}, or creates it with {@code capacity} bytes.
     *
     * @param name the heap's name: 1 to 32767 characters
     * @param capacity the size in bytes if the heap is created; an opened heap keeps its own
     * @return the heap, opened or new
     * @throws IOException the name belongs to another kind of object, the heap's header is damaged, or the memory
     *     cannot be committed
     */
    static SharedHeap createOrOpen(String name, long capacity) throws IOException {
        return SharedHeaps.createOrOpen(SharedNamespace.local(), name, capacity);
    }

    /**
     * Opens the live heap {@code name} of {@code namespace}, or creates it with {@code capacity} bytes.
     *
     * @param namespace where the name lives
     * @param name the heap's name: 1 to 32767 characters
     * @param capacity the size in bytes if the heap is created; an opened heap keeps its own
     * @return the heap, opened or new
     * @throws IOException the name belongs to another kind of object, the heap's header is damaged, or the memory
     *     cannot be committed
     */
    static SharedHeap createOrOpen(SharedNamespace namespace, String name, long capacity) throws IOException {
        return SharedHeaps.createOrOpen(namespace, name, capacity);
    }

    /**
     * Opens the live heap {@code name}; {@code NoSuchFileException} if there is none.
     *
     * @param name the name of a live heap
     * @return the heap
     * @throws IOException no live heap has that name ({@code NoSuchFileException}), it is another kind of object, or
     *     its header is damaged
     */
    static SharedHeap openExisting(String name) throws IOException {
        return SharedHeaps.openExisting(SharedNamespace.local(), name);
    }

    /**
     * Opens the live heap {@code name} of {@code namespace}.
     *
     * @param namespace where the name lives
     * @param name the name of a live heap
     * @return the heap
     * @throws IOException no live heap has that name ({@code NoSuchFileException}), it is another kind of object, or
     *     its header is damaged
     */
    static SharedHeap openExisting(SharedNamespace namespace, String name) throws IOException {
        return SharedHeaps.openExisting(namespace, name);
    }

    /**
     * A persistent heap in the file {@code path}. {@code mode} is one of CREATE_NEW, CREATE, OPEN,
     * OPEN_OR_CREATE (TRUNCATE and APPEND: {@code IllegalArgumentException}); OPEN takes capacity 0 or the
     * heap's own; creating needs capacity {@code > 0}. The heap keeps every block and name across runs.
     *
     * @param path the heap's file
     * @param mode how to open or create the file
     * @param capacity the file's size when the heap is created; 0 or the heap's own when it is opened
     * @return the heap, with the blocks and names the file holds
     * @throws IOException the file cannot be opened or created as {@code mode} says, or holds no sound heap
     */
    static SharedHeap createFromFile(Path path, FileMode mode, long capacity) throws IOException {
        return SharedHeaps.createFromFile(path, mode, capacity);
    }

    /**
     * The capacity asked at creation (the usable space is less: the header, names and a bitmap).
     *
     * @return the capacity in bytes
     */
    long capacity();

    /**
     * A block of {@code size} bytes; its handle. {@code OutOfMemoryError} when nothing fits.
     *
     * @param size the block's size in bytes, &gt;= 0
     * @return the block's handle, &gt; 0
     */
    long allocate(long size);

    /**
     * As {@link #allocate}, but 0 when nothing fits.
     *
     * @param size the block's size in bytes, &gt;= 0
     * @return the block's handle, or 0 when nothing fits
     */
    long tryAllocate(long size);

    /**
     * Frees the block; a handle that is not a live block: {@code IllegalArgumentException}. A named block's name goes.
     *
     * @param handle a live block's handle
     */
    void free(long handle);

    /**
     * The size the block was allocated with.
     *
     * @param handle a live block's handle
     * @return the size in bytes
     */
    long sizeOf(long handle);

    /**
     * The block's bytes in this process, exactly {@link #sizeOf} long; invalid after {@link #close()}.
     *
     * @param handle a live block's handle
     * @return a segment over the block's bytes
     */
    MemorySegment segment(long handle);

    /**
     * The block named {@code name}; if there is none, allocates {@code size} bytes, zeroes them and runs
     * {@code initializer} on them — in exactly one process, while the others wait — and then gives the block the
     * name. An initializer that throws leaves no block and no name behind; one whose process dies is run again by
     * the next caller, on zeroed bytes. A live block keeps the size it was made with.
     *
     * @param name the block's name: 1 to 1000 characters
     * @param size the size of a new block in bytes
     * @param initializer fills a new block; run in one process only, never for a block that exists
     * @return the handle of the named block, found or made
     */
    long findOrCreate(String name, long size, Consumer<MemorySegment> initializer);

    /**
     * The handle of the initialised block named {@code name}, or 0.
     *
     * @param name the block's name
     * @return the block's handle, or 0 when no initialised block has the name
     */
    long lookup(String name);

    /**
     * Removes the name; the block stays until freed. False if no initialised block had it.
     *
     * @param name the block's name
     * @return {@code true} when the name was removed
     */
    boolean unbind(String name);

    /**
     * Every name of an initialised block, with its handle, in name order.
     *
     * @return a snapshot of the names and their handles
     */
    Map<String, Long> names();

    /**
     * Checks every block, free list, name and counter; false if anything is unsound.
     *
     * @return {@code true} when the heap is sound
     */
    boolean validate();

    /**
     * The heap's blocks in address order: a REGION entry for the heap, then BUSY (user blocks and the name
     * entries, address = handle) and FREE ones. Addresses are handles (offsets), not process addresses.
     *
     * @return the entries, a snapshot
     */
    List<HeapEntry> walk();

    /**
     * Allocated bytes (as requested), and the committed, reserved and maximum sizes (all the capacity).
     *
     * @return a snapshot of the heap's sizes
     */
    HeapSummary summary();

    /**
     * Makes every change so far durable (msync and fsync of a persistent heap; a named heap has no disk).
     *
     * @throws IOException the OS cannot write the file back
     */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
