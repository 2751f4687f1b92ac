package io.mmf4j.internal.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Selection by OS and by the {@code mmf4j.platform} property; an impossible choice fails on use, not on selection. */
class PlatformSelectorTest {

    @Test
    void theDefaultIsTheNativeBackendHereAndThePortableOneElsewhere() {
        assertEquals("linux-x86_64", PlatformSelector.select("", "Linux", "amd64").name());
        assertEquals("jdk", PlatformSelector.select("", "Mac OS X", "aarch64").name());
        assertEquals("jdk", PlatformSelector.select("", "Windows 11", "amd64").name());
        assertEquals("jdk", PlatformSelector.select("JDK", "Linux", "amd64").name());
    }

    @Test
    void anImpossibleChoiceFailsOnUseWithOneMessage() {
        Platform mac = PlatformSelector.select("linux", "Mac OS X", "aarch64");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, mac::mappings);
        assertTrue(e.getMessage().contains("-Dmmf4j.platform=linux") && e.getMessage().contains("Mac OS X aarch64")
                && e.getMessage().contains("-Dmmf4j.platform=jdk"), e.getMessage());
        Platform bogus = PlatformSelector.select("solaris", "Linux", "amd64");
        e = assertThrows(UnsupportedOperationException.class, bogus::namedObjects);
        assertTrue(e.getMessage().contains("solaris") && e.getMessage().contains("mmf4j.platform=linux"), e.getMessage());
    }

    @Test
    void thePortableBackendRefusesWhatItCannotDoByFeatureAndBackend() {
        Platform jdk = PlatformSelector.select("jdk", "Linux", "amd64");
        for (Runnable refused : new Runnable[] {jdk::waits, jdk::virtualMemory, jdk::namedObjects}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, refused::run);
            assertTrue(e.getMessage().contains("jdk backend"), e.getMessage());
        }
        assertEquals(ProcessHandle.current().pid(), jdk.processes().processId());
        assertEquals(-1, jdk.processes().processStartStamp(Long.MAX_VALUE));
    }
}
