package io.mmf4j;

/** What a named object in a {@link SharedNamespace} is. Names are shared by all kinds, as on Windows. */
public enum NamedObjectKind {
    /** A non-persisted map: {@link MemoryMappedFile#createNew(String, long)} and friends. */
    MAP(1),
    /** The name of a map made from a file ({@code createFromFile} with a map name). */
    PERSISTED_MAP(2),
    /** A named mutex: {@link io.mmf4j.sync.NamedMutex}. */
    MUTEX(3),
    /** A named semaphore: {@link io.mmf4j.sync.NamedSemaphore}. */
    SEMAPHORE(4),
    /** A named event: {@link io.mmf4j.sync.NamedEvent}. */
    EVENT(5),
    /** A message queue: {@link io.mmf4j.ipc.MessageQueue}. */
    QUEUE(6),
    /** A shared heap: {@code SharedHeap.createNew} and friends (a named map that holds a heap). */
    SHARED_HEAP(7);

    private final int code;

    NamedObjectKind(int code) {
        this.code = code;
    }

    /**
     * The number stored for this kind in shared memory; never changes for a kind.
     *
     * @return the kind's code, 1 and up
     */
    public int code() {
        return code;
    }

    /**
     * The kind stored as {@code code}; {@code IllegalArgumentException} for an unknown one.
     *
     * @param code a code read from shared memory (untrusted)
     * @return the kind with that code
     */
    public static NamedObjectKind ofCode(int code) {
        for (NamedObjectKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no named object kind has code " + code);
    }
}
