package io.mmf4j.internal.shared;

import io.mmf4j.NamedObjectKind;
import io.mmf4j.internal.platform.HeldObject;
import io.mmf4j.internal.platform.MapAccess;
import io.mmf4j.internal.platform.OsFile;
import io.mmf4j.internal.platform.Platform;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * One holder of a named object: an open handle to its file that carries a shared lock. The object lives while
 * any handle, in any process, holds it; {@link #close()} of the last one — or the death of every holding
 * process, after which the OS has dropped their locks — reclaims the name and the memory.
 *
 * {@snippet :
 * try (SharedHandle handle = Namespace.local().open(NamedObjectKind.MUTEX, "jobs", true);
 *      Arena arena = Arena.ofConfined()) {
 *     MemorySegment state = handle.mapPayload(0, handle.payloadSize(), MapAccess.READ_WRITE, arena);
 * }
 * }
 *
 * <p>Thread-safe. Close is idempotent; {@link #mapPayload} and {@link #holderCount} after close throw
 * {@code IllegalStateException}. Mappings made before close stay valid (they are bound to their arena), but
 * the object may be reclaimed once nothing holds it.
 */
public final class SharedHandle implements AutoCloseable {
    private final Namespace namespace;
    private final HeldObject held;
    private final SharedHeader header;
    private volatile long payloadSize; // raised by a map's growth, never lowered
    private final boolean writable;
    private final boolean created;
    private boolean closed;

    SharedHandle(Namespace namespace, HeldObject held, SharedHeader header, long payloadSize, boolean writable,
                 boolean created) {
        this.created = created;
        this.namespace = namespace;
        this.held = held;
        this.header = header;
        this.payloadSize = payloadSize;
        this.writable = writable;
    }

    /** Whether this handle's call created the object (rather than opening a live one). */
    public boolean created() {
        return created;
    }

    public SharedHeader header() {
        return header;
    }

    public String name() {
        return header.name();
    }

    public NamedObjectKind kind() {
        return header.kind();
    }

    public Namespace namespace() {
        return namespace;
    }

    /** The object's file, e.g. to hand it to a child process. */
    public OsFile file() {
        return held.file();
    }

    /** Where the store keeps the object, e.g. to describe it to a child process. */
    public Path path() {
        return held.path();
    }

    /** Whether this handle may map the payload for writing. */
    public boolean writable() {
        return writable;
    }

    /** The payload's size in bytes (the file's size less the header), as far as this handle has seen it grow. */
    public long payloadSize() {
        return payloadSize;
    }

    /** Records that the payload has grown to at least {@code size} bytes (the caller checked the file's size). */
    public synchronized void payloadGrew(long size) {
        if (size > payloadSize) {
            payloadSize = size;
        }
    }

    /**
     * Maps {@code [offset, offset + length)} of the payload into {@code arena}; {@code offset} is a multiple of
     * the page size. The range is checked against the payload.
     */
    public synchronized MemorySegment mapPayload(long offset, long length, MapAccess access, Arena arena)
            throws IOException {
        checkOpen();
        if (offset < 0 || length <= 0 || offset > payloadSize || length > payloadSize - offset) {
            throw new IndexOutOfBoundsException("payload range [" + offset + ", +" + length + ") is outside the "
                    + payloadSize + " bytes of '" + header.name() + "'");
        }
        if (access.needsWritableFile() && !writable) {
            throw new java.nio.file.AccessDeniedException(header.name(), null, "opened without write access");
        }
        return Platform.current().mappings().map(held.file(), header.headerSize() + offset, length, access, arena);
    }

    /** How many handles hold the object now, over all processes (this one included while open). */
    public synchronized int holderCount() throws IOException {
        checkOpen();
        return held.holderCount();
    }

    /** The descriptor of a closed handle may already name another file: never use it. */
    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(this + ": handle is closed");
        }
    }

    /** Lets go of the object; reclaims it if this was the last holder anywhere. Idempotent. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        held.close();
    }

    @Override
    public String toString() {
        return header.kind() + " '" + header.name() + "' at " + held.path();
    }
}
