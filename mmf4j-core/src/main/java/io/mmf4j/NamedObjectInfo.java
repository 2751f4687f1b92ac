package io.mmf4j;

import java.time.Instant;

/**
 * One live named object of a {@link SharedNamespace}, as {@link SharedNamespace#list()} saw it.
 *
 * @param name       the name, exactly as its creator gave it
 * @param kind       what it is
 * @param capacity   the capacity of a map (for a semaphore or other kind, the size of its shared state)
 * @param holders    how many handles hold it right now, over all processes: each open map object (its views
 *                   keep it held) or other named object counts one
 * @param creatorPid the process that created it (which may have exited since)
 * @param creatorUid the user that created it
 * @param created    when it was created
 */
public record NamedObjectInfo(String name, NamedObjectKind kind, long capacity, int holders, long creatorPid,
                              int creatorUid, Instant created) {
}
