package io.mmf4j;

import io.mmf4j.internal.InheritableMapImpl;
import io.mmf4j.internal.MemoryMappedFileImpl;
import io.mmf4j.internal.NamedMaps;
import io.mmf4j.internal.PersistedMaps;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A memory-mapped file: a file on disk (persisted) or a block of shared memory (non-persisted), opened as a
 * mapping from which {@linkplain #createViewAccessor(long, long, MemoryMappedFileAccess) views} are made —
 * Win32's file-mapping object, .NET's {@code MemoryMappedFile}.
 *
 * {@snippet :
 * try (MemoryMappedFile map = MemoryMappedFile.createFromFile(path, FileMode.OPEN_OR_CREATE, null, 1 << 20);
 *      MemoryMappedViewAccessor view = map.createViewAccessor()) {
 *     view.putLong(0, 42);
 *     view.flush();
 * }
 * }
 *
 * <p><b>Lifecycle.</b> Views outlive the map object that made them: closing the map stops new views
 * from being made, and the file (or shared memory) is released when the map and all its views are closed.
 * Close is idempotent; any other use after close throws {@code IllegalStateException}.
 *
 * <p><b>Thread safety.</b> Safe for use by many threads: views may be created and closed concurrently.
 */
public sealed interface MemoryMappedFile extends AutoCloseable permits MemoryMappedFileImpl {

    /**
     * Maps an existing file with its size as capacity, for reading and writing.
     *
     * @param path the file to map; it must exist and must not be empty
     * @return the map, whose capacity is the file's size
     * @throws IOException the file is missing ({@code NoSuchFileException}) or cannot be opened for reading and
     *     writing
     * @throws IllegalArgumentException the file is empty: a map of it needs a capacity
     */
    static MemoryMappedFile createFromFile(Path path) throws IOException {
        return createFromFile(path, FileMode.OPEN, null, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * Maps a file opened or created as {@code mode} says, with its size as capacity, for reading and writing.
     *
     * @param path the file to map
     * @param mode how to open it; {@code TRUNCATE} and {@code APPEND} are refused
     * @return the map, whose capacity is the file's size
     * @throws IOException the file cannot be opened or created as {@code mode} says
     * @throws IllegalArgumentException a refused mode, or an empty file (a new one is empty): give a capacity
     */
    static MemoryMappedFile createFromFile(Path path, FileMode mode) throws IOException {
        return createFromFile(path, mode, null, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * As {@link #createFromFile(Path, FileMode)}, with a map name ({@code null} for none).
     *
     * @param path the file to map
     * @param mode how to open it; {@code TRUNCATE} and {@code APPEND} are refused
     * @param mapName a name other processes can open the map by, or {@code null}
     * @return the map, whose capacity is the file's size
     * @throws IOException the file cannot be opened or created as {@code mode} says
     * @throws IllegalArgumentException a refused mode, or an empty file (a new one is empty): give a capacity
     */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName) throws IOException {
        return createFromFile(path, mode, mapName, 0, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * As {@link #createFromFile(Path, FileMode, String, long, MemoryMappedFileAccess)} with READ_WRITE access.
     *
     * @param path the file to map
     * @param mode how to open it; {@code TRUNCATE} and {@code APPEND} are refused
     * @param mapName a name other processes can open the map by, or {@code null}
     * @param capacity the size of the map: 0 for the file's size; larger than the file grows it
     * @return the map
     * @throws IOException the file cannot be opened, created or grown
     */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName, long capacity) throws IOException {
        return createFromFile(path, mode, mapName, capacity, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * Maps a file.
     *
     * @param path     the file
     * @param mode     how to open it; {@code TRUNCATE} and {@code APPEND} are refused
     * @param mapName  a name other processes can open the map by, or {@code null}
     * @param capacity the size of the map: 0 for the file's size (refused for an empty file); larger than the
     *                 file grows the file to exactly this size, reserving its storage; smaller is refused
     * @param access   the widest access of the map's views; {@code WRITE} is refused, and {@code READ}
     *                 cannot grow a file
     * @throws java.nio.file.NoSuchFileException        {@code OPEN} of a missing file
     * @throws java.nio.file.FileAlreadyExistsException {@code CREATE_NEW} of an existing file
     * @throws java.nio.file.AccessDeniedException      the file cannot be opened with the access asked for
     * @throws java.nio.file.FileSystemException        {@code CREATE} of a file that live mmf4j maps (of this or
     *                                                  another process) have mapped: it is left as it is
     * @throws IllegalArgumentException                 a bad mode, capacity or access; nothing is left behind
     * @return the map, open until it and all its views are closed
     */
    static MemoryMappedFile createFromFile(Path path, FileMode mode, String mapName, long capacity,
                                           MemoryMappedFileAccess access) throws IOException {
        return PersistedMaps.fromPath(path, mode, mapName, capacity, access);
    }

    /**
     * Maps the file behind an open channel. The channel must have been opened for writing when
     * {@code access} writes or {@code capacity} grows the file ({@code AccessDeniedException} otherwise).
     *
     * @param channel an open channel on the file to map; the map reads and writes through the channel's file
     * @param mapName a name other processes can open the map by, or {@code null}
     * @param capacity the size of the map: 0 for the channel's file size; larger grows the file
     * @param access the widest access of the map's views; {@code WRITE} is refused
     * @param leaveOpen {@code false} closes the channel when the map and all its views are closed
     * @return the map
     * @throws IOException the channel is closed, not writable though {@code access} or {@code capacity} need it ({@code
     *     AccessDeniedException}), or the file cannot grow
     */
    static MemoryMappedFile createFromFile(FileChannel channel, String mapName, long capacity,
                                           MemoryMappedFileAccess access, boolean leaveOpen) throws IOException {
        return PersistedMaps.fromChannel(channel, mapName, capacity, access, leaveOpen);
    }

    /**
     * A new non-persisted map with READ_WRITE access; see {@link #createNew(SharedNamespace, String, long,
     *     MemoryMappedFileAccess, MemoryMappedFileOptions...)}.
     *
     * @param mapName the name other processes open the map by, or {@code null} for an anonymous map
     * @param capacity the size in bytes, &gt; 0
     * @return the new map, zero-filled
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the memory cannot
     *     be committed
     */
    static MemoryMappedFile createNew(String mapName, long capacity) throws IOException {
        return createNew(SharedNamespace.local(), mapName, capacity, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * A new non-persisted map in this user's namespace; see {@link #createNew(SharedNamespace, String, long,
     *     MemoryMappedFileAccess, MemoryMappedFileOptions...)}.
     *
     * @param mapName the name other processes open the map by, or {@code null} for an anonymous map
     * @param capacity the size in bytes, &gt; 0
     * @param access the widest access of the map's views; {@code WRITE} is refused
     * @param options {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} to commit pages on first touch, or none
     * @return the new map, zero-filled
     * @throws IOException a live object of that name exists ({@code FileAlreadyExistsException}), or the memory cannot
     *     be committed
     */
    static MemoryMappedFile createNew(String mapName, long capacity, MemoryMappedFileAccess access,
                                      MemoryMappedFileOptions... options) throws IOException {
        return createNew(SharedNamespace.local(), mapName, capacity, access, options);
    }

    /**
     * Creates a map backed by memory, zero-filled, shared by name with other processes (or anonymous when
     * {@code mapName} is {@code null}). It lives while any process holds the map object or a view of it;
     * when the last holder closes — or dies, {@code kill -9} included — its name and memory are reclaimed.
     * {@link SharedNamespace#remove} takes the name away sooner; the holders keep the memory until they close.
     * The whole capacity is committed now unless {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} is given.
     *
     * @param capacity the size in bytes, &gt; 0
     * @param access the widest access of the map's views; {@code WRITE} is refused
     * @param options {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} to commit pages on first touch, or none
     * @param namespace where the name lives ({@link SharedNamespace#local()} by default)
     * @param mapName   any non-empty string (never used as a path), or {@code null} for an anonymous map
     * @throws java.nio.file.FileAlreadyExistsException a live object of that name exists in the namespace
     * @throws IllegalArgumentException                 an empty name, capacity &lt;= 0, or WRITE access
     * @throws IOException                              the memory cannot be committed (e.g. /dev/shm is full), or
     *                                                  the machine cannot give that much memory now
     * @return the new map, zero-filled
     */
    static MemoryMappedFile createNew(SharedNamespace namespace, String mapName, long capacity,
                                      MemoryMappedFileAccess access, MemoryMappedFileOptions... options)
            throws IOException {
        return NamedMaps.createNew(namespace, mapName, capacity, access, options);
    }

    /**
     * Opens the live map of that name, or creates it, with READ_WRITE access.
     *
     * @param mapName the name of the map; never {@code null}
     * @param capacity the size in bytes if the map is created, &gt; 0; an opened map keeps its own
     * @return the map, opened or new
     * @throws IOException the name belongs to another kind of object, this user may not open it, or the memory cannot
     *     be committed
     */
    static MemoryMappedFile createOrOpen(String mapName, long capacity) throws IOException {
        return createOrOpen(SharedNamespace.local(), mapName, capacity, MemoryMappedFileAccess.READ_WRITE);
    }

    /**
     * As {@link #createOrOpen(SharedNamespace, String, long, MemoryMappedFileAccess, MemoryMappedFileOptions...)} in
     *     this user's namespace.
     *
     * @param mapName the name of the map; never {@code null}
     * @param capacity the size in bytes if the map is created, &gt; 0; an opened map keeps its own
     * @param access the access asked for; {@code WRITE} can open a live map but not create one
     * @param options {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} for a map that is created, or none
     * @return the map, opened or new
     * @throws IOException the name belongs to another kind of object, this user may not open it, or the memory cannot
     *     be committed
     */
    static MemoryMappedFile createOrOpen(String mapName, long capacity, MemoryMappedFileAccess access,
                                         MemoryMappedFileOptions... options) throws IOException {
        return createOrOpen(SharedNamespace.local(), mapName, capacity, access, options);
    }

    /**
     * Opens the live map of that name — whose capacity, not {@code capacity}, it then has — or creates it as
     * {@link #createNew(SharedNamespace, String, long, MemoryMappedFileAccess, MemoryMappedFileOptions...)} does.
     * WRITE access opens a live map (with read-write rights) but cannot create one: {@code IllegalArgumentException}.
     *
     * @param namespace where the name lives
     * @param mapName the name of the map; never {@code null}
     * @param capacity the size in bytes if the map is created, &gt; 0; an opened map keeps its own
     * @param access the access asked for; {@code WRITE} can open a live map but not create one
     * @param options {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} for a map that is created, or none
     * @return the map, opened or new
     * @throws IOException the name belongs to another kind of object, this user may not open it, or the memory cannot
     *     be committed
     */
    static MemoryMappedFile createOrOpen(SharedNamespace namespace, String mapName, long capacity,
                                         MemoryMappedFileAccess access, MemoryMappedFileOptions... options)
            throws IOException {
        return NamedMaps.createOrOpen(namespace, mapName, capacity, access, options);
    }

    /**
     * Opens the live map of that name in this user's namespace with READ_WRITE rights.
     *
     * @param mapName the name of a live map
     * @return the map, with the creator's access as far as READ_WRITE allows
     * @throws IOException no live map has that name ({@code NoSuchFileException}), or this user may not open it
     */
    static MemoryMappedFile openExisting(String mapName) throws IOException {
        return openExisting(SharedNamespace.local(), mapName, MemoryMappedFileRights.READ_WRITE);
    }

    /**
     * Opens the live map of that name in this user's namespace.
     *
     * @param mapName the name of a live map
     * @param rights the rights asked for; the map's access is what these and the creator's access both allow
     * @return the map
     * @throws IOException no live map has that name ({@code NoSuchFileException}), or this user may not open it with
     *     these rights
     */
    static MemoryMappedFile openExisting(String mapName, MemoryMappedFileRights rights) throws IOException {
        return openExisting(SharedNamespace.local(), mapName, rights);
    }

    /**
     * Opens a live map by name: a non-persisted one, or one made by {@code createFromFile} with that name (which
     * then maps the same file). Its access is what both the creator's access and {@code rights} allow.
     *
     * @param namespace where the name lives
     * @param mapName the name of a live map
     * @param rights the rights asked for
     * @throws java.nio.file.NoSuchFileException   no live map has that name
     * @throws java.nio.file.AccessDeniedException  this user may not open it with these rights
     * @throws java.nio.file.FileSystemException    the name belongs to another kind of object (e.g. a mutex)
     * @return the map
     */
    static MemoryMappedFile openExisting(SharedNamespace namespace, String mapName, MemoryMappedFileRights rights)
            throws IOException {
        return NamedMaps.openExisting(namespace, mapName, rights);
    }

    /**
     * Opens the map a parent passed through {@link InheritableMap#applyTo(ProcessBuilder)}.
     *
     * @return the map the parent holds, with the access it passed
     * @throws IOException the parent has exited or no longer holds the map ({@code NoSuchFileException})
     */
    static MemoryMappedFile openInherited() throws IOException {
        String token = System.getenv(InheritableMap.ENVIRONMENT_VARIABLE);
        if (token == null) {
            throw new IllegalStateException("no map was passed to this process: " + InheritableMap.ENVIRONMENT_VARIABLE
                    + " is not set");
        }
        return openInherited(token);
    }

    /**
     * Opens the map a parent process passed as {@link InheritableMap#token()}.
     *
     * @param token the string the parent got from {@link InheritableMap#token()}
     * @throws IllegalArgumentException          a malformed token
     * @throws java.nio.file.NoSuchFileException the parent has exited or no longer holds the map
     * @return the map the parent holds, with the access it passed
     */
    static MemoryMappedFile openInherited(String token) throws IOException {
        return InheritableMapImpl.open(token);
    }

    /**
     * Makes this map available to child processes; see {@link InheritableMap}.
     *
     * @return the handle to pass to a child; it lives until it or this map is closed
     * @throws IOException the handle cannot be duplicated for the child
     */
    InheritableMap inheritable() throws IOException;

    /**
     * The size of the map in bytes: for a named map, growth by any process included (one memory read; a larger
     * size is believed only as far as the shared file holds it). After close, the last size seen.
     *
     * @return the capacity in bytes
     */
    long capacity();

    /**
     * The map's name, or empty for an anonymous map.
     *
     * @return the name, or {@link Optional#empty()} for an anonymous map
     */
    Optional<String> name();

    /**
     * The widest access a view of this map may have.
     *
     * @return the map's access
     */
    MemoryMappedFileAccess access();

    /**
     * A view of the whole map with the map's access.
     *
     * @return a new view over {@code [0, capacity())}
     * @throws IOException the view cannot be mapped (e.g. the process is out of address space or map count)
     */
    MemoryMappedViewAccessor createViewAccessor() throws IOException;

    /**
     * A view of {@code [offset, offset + size)} with the map's access; size 0 means to the end of the map.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @return a new view
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size) throws IOException;

    /**
     * A view of {@code [offset, offset + size)}; size 0 means to the end of the map. The offset needs no
     * alignment: the view maps from the page below and reports the difference as
     * {@link MemoryMappedViewAccessor#pointerOffset()}.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0, any alignment
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the view's access, no wider than the map's
     * @throws IllegalArgumentException negative numbers, a range past the capacity, or an access wider than the map's
     * @return a new view
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess access) throws IOException;

    /**
     * A view of {@code [offset, offset + size)} whose pages are mapped at exactly {@code baseAddress} — Win32's
     * {@code MapViewOfFileEx} with {@code lpvBase} — so that its first byte is at {@code baseAddress +}
     * {@link MemoryMappedViewAccessor#pointerOffset() pointerOffset()}, and its {@code segment().address()} there.
     * The range must be free address space: a taken range is never replaced.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the view's access, no wider than the map's
     * @param baseAddress a positive multiple of the page size ({@code VirtualMemory.allocationGranularity()})
     * @throws IllegalArgumentException as {@link #createViewAccessor(long, long, MemoryMappedFileAccess)}, or a bad
     *                                  address
     * @throws IOException              when any of the range is in use (nothing is changed then)
     * @return a new view at {@code baseAddress}
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess access, long baseAddress)
            throws IOException;

    /**
     * A view of {@code [offset, offset + size)} placed inside a reserved {@link io.mmf4j.vm.Region}, its pages
     * starting at {@code regionOffset} — a way to lay out address space (maps side by side, a heap at fixed
     * addresses). The pages must be reserved in the region, neither committed nor holding another view. While the
     * view is open the region reports them as committed with the view's protection ({@code query}) and refuses
     * every other use of them (commit, decommit, protect, segment: {@code IllegalStateException}); when the view
     * closes they are a reservation of the region again, and no segment of the region covers them. The region
     * refuses to close while it holds an open view.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the view's access, no wider than the map's
     * @param region the region that holds the view's pages
     * @param regionOffset a multiple of the page size; the view's pages run from there for
     *                     {@code pointerOffset() + size} bytes, rounded up to whole pages
     * @throws IllegalStateException     the pages are not all reserved (committed, or holding a view)
     * @throws IndexOutOfBoundsException the pages do not fit in the region
     * @return a new view inside {@code region}
     * @throws IOException the pages cannot be mapped over the reservation
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess access,
                                                io.mmf4j.vm.Region region, long regionOffset) throws IOException;

    /**
     * A view that grows in place: {@code maximumSize} bytes of address space are reserved from {@code offset} at
     * once, the map's bytes as far as its capacity are mapped into the start of it, and
     * {@link MemoryMappedGrowingView#refresh()} maps more as the map grows — here or in another process — so the
     * view's address never moves. What an append-only log needs.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0
     * @param access the view's access, no wider than the map's
     * @param maximumSize the most bytes the view can ever cover (address space only: no memory is taken for it)
     * @throws IllegalArgumentException negative offset, maximumSize &lt;= 0, an access wider than the map's
     * @throws IOException              the address space cannot be reserved
     * @return a new growing view, covering as much of the map as exists now
     */
    MemoryMappedGrowingView createGrowingView(long offset, long maximumSize, MemoryMappedFileAccess access)
            throws IOException;

    /**
     * A stream over the whole map with the map's access.
     *
     * @return a new stream over {@code [0, capacity())}, at position 0
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewStream createViewStream() throws IOException;

    /**
     * A stream over {@code [offset, offset + size)} with the map's access; size 0 means to the end.
     *
     * @param offset the first byte of the map the stream covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @return a new stream at position 0
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewStream createViewStream(long offset, long size) throws IOException;

    /**
     * A stream over {@code [offset, offset + size)}; the rules of {@link #createViewAccessor(long, long,
     *     MemoryMappedFileAccess)}.
     *
     * @param offset the first byte of the map the stream covers, &gt;= 0, any alignment
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the stream's access, no wider than the map's
     * @return a new stream at position 0
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess access) throws IOException;

    /**
     * A view of {@code [offset, offset + size)} mapped into the caller's {@code arena}, as
     * {@code FileChannel.map(mode, offset, size, arena)} does: the memory stays mapped until the caller closes the
     * arena (the view's {@code close()} flushes it and lets the file go, but does not unmap), and the view can be used
     * from the threads the arena allows — a confined arena's owner only. For a caller who opens and closes many views
     * from one thread, a confined arena closed once saves the handshake a shared arena's close makes.
     *
     * @param offset the first byte of the map the view covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the view's access, no wider than the map's
     * @param arena the arena that owns the mapping; the view's segment lives as long as it
     * @throws IllegalStateException    if {@code arena} is already closed
     * @throws IllegalArgumentException the rules of {@link #createViewAccessor(long, long, MemoryMappedFileAccess)}
     * @return a new view
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewAccessor createViewAccessor(long offset, long size, MemoryMappedFileAccess access,
                                                java.lang.foreign.Arena arena) throws IOException;

    /**
     * A stream over {@code [offset, offset + size)} mapped into the caller's {@code arena}; see the accessor's.
     *
     * @param offset the first byte of the map the stream covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the stream's access, no wider than the map's
     * @param arena the arena that owns the mapping; the stream's memory lives as long as it
     * @return a new stream at position 0
     * @throws IOException the view cannot be mapped
     */
    MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess access,
                                            java.lang.foreign.Arena arena) throws IOException;

    /**
     * Makes the capacity at least {@code newCapacity} (as {@code ArrayList.ensureCapacity} does): a persisted map's
     * file grows, its new space reserved (fallocate); a named map's shared memory grows, committed unless it was
     * made with {@link MemoryMappedFileOptions#DELAY_ALLOCATE_PAGES} (then only its new last page is). The new
     * bytes read as zero. A map already that large — grown here or by another process — is left alone, so
     * concurrent growers never fail each other and end at the larger size; a map never shrinks. Every process's map object of a named map sees the new
     * {@link #capacity()} and may make views over the new bytes; views made before keep their size and work on.
     *
     * @param newCapacity the size in bytes the map must at least have
     * @throws IllegalArgumentException      {@code newCapacity <= 0}
     * @throws UnsupportedOperationException a map whose access does not write to its file (READ, COPY_ON_WRITE,
     *                                       READ_EXECUTE), or one made from a {@code FileChannel}
     * @throws IOException                   no room (a full disk or /dev/shm, a file-size limit): the map keeps
     *                                       its old size
     */
    void grow(long newCapacity) throws IOException;

    /**
     * A stream as {@link #createViewAccessor(long, long, MemoryMappedFileAccess, long)} places a view.
     *
     * @param offset the first byte of the map the stream covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the stream's access, no wider than the map's
     * @param baseAddress a positive multiple of the page size where the pages are mapped
     * @return a new stream at position 0
     * @throws IOException when any of the range is in use (nothing is changed then)
     */
    MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess access, long baseAddress)
            throws IOException;

    /**
     * A stream as {@link #createViewAccessor(long, long, MemoryMappedFileAccess, io.mmf4j.vm.Region, long)} places a
     *     view.
     *
     * @param offset the first byte of the map the stream covers, &gt;= 0
     * @param size the number of bytes, or 0 for all from {@code offset} to the end
     * @param access the stream's access, no wider than the map's
     * @param region the region that holds the stream's pages
     * @param regionOffset a multiple of the page size: where in the region the pages start
     * @return a new stream at position 0
     * @throws IOException the pages cannot be mapped over the reservation
     */
    MemoryMappedViewStream createViewStream(long offset, long size, MemoryMappedFileAccess access,
                                            io.mmf4j.vm.Region region, long regionOffset) throws IOException;

    /** Closes this map object; open views stay usable. Idempotent. */
    @Override
    void close();
}
