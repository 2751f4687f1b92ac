package io.mmf4j.contract;

import io.mmf4j.MemoryMappedFile;
import java.io.IOException;

/** {@link MapContract} for an anonymous map (memfd; Linux backend). */
class AnonymousMapContractTest extends MapContract {
    @Override
    protected MemoryMappedFile open(long capacity) throws IOException {
        return MemoryMappedFile.createNew(null, capacity);
    }
}
