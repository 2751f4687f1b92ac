package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf4j.InheritableMap;
import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewAccessor;
import io.mmf4j.testing.ChildJvm;
import io.mmf4j.testing.child.InheritedTokenChild;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** Closing an InheritableMap takes the token back, while the map itself stays open (DuplicateHandle's promise). */
class InheritableCloseTest {
    @Test
    void aClosedInheritableMapsTokenNoLongerOpensTheMap() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);
             MemoryMappedViewAccessor view = map.createViewAccessor()) {
            view.putInt(0, 7);
            String token;
            try (InheritableMap shared = map.inheritable()) {
                token = shared.token();
                try (MemoryMappedFile opened = MemoryMappedFile.openInherited(token);
                     MemoryMappedViewAccessor same = opened.createViewAccessor()) {
                    assertEquals(7, same.getInt(0));
                }
            }
            assertThrows(NoSuchFileException.class, () -> MemoryMappedFile.openInherited(token).close());
            ChildJvm.Result child = ChildJvm.run(60, InheritedTokenChild.class, token).assertSuccess();
            assertEquals("NoSuchFileException", child.stdout().strip(), child.stderr());
            assertEquals(7, view.getInt(0));
        }
    }
}
