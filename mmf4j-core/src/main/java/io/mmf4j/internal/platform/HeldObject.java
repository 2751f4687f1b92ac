package io.mmf4j.internal.platform;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One holder of a named object in a {@link NamedObjectStore}: the object lives while any holder, in any
 * process, is open. Thread-safe; close is idempotent, and the last close anywhere reclaims the object.
 */
public interface HeldObject extends AutoCloseable {

    /** The object's file (open for reading, and for writing if so opened); valid until {@link #close()}. */
    OsFile file();

    /** Where the object is kept (its name in the store), e.g. to describe it to a child process. */
    Path path();

    /** How many holders the object has now, over all processes, this one included. */
    int holderCount() throws IOException;

    /** Lets go of the object; reclaims it if this was the last holder anywhere. Idempotent. */
    @Override
    void close() throws IOException;
}
