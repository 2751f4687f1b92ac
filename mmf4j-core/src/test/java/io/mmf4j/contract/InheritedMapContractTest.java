package io.mmf4j.contract;

import io.mmf4j.InheritableMap;
import io.mmf4j.MemoryMappedFile;
import java.io.IOException;

/**
 * {@link MapContract} for a map opened from an inheritance token, as a child process would (here in the same
 * process, through /proc/self; the cross-process path has its own tests). The parent's map and token are closed
 * once the inherited map is open: it must stand on its own.
 */
class InheritedMapContractTest extends MapContract {
    @Override
    protected MemoryMappedFile open(long capacity) throws IOException {
        try (MemoryMappedFile parent = MemoryMappedFile.createNew(null, capacity);
             InheritableMap token = parent.inheritable()) {
            return MemoryMappedFile.openInherited(token.token());
        }
    }
}
