package io.mmf4j.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedViewStream;
import java.io.EOFException;
import org.junit.jupiter.api.Test;

/** Lengths read from a view are untrusted: a hostile string length prefix is an EOFException, nothing consumed. */
class HostileStreamTest {
    @Test
    void aHostileStringLengthIsEofAndConsumesNothing() throws Exception {
        try (MemoryMappedFile map = MemoryMappedFile.createNew(null, 4096);
             MemoryMappedViewStream stream = map.createViewStream()) {
            // 7-bit encoded 0x7FFFFFFF: more bytes than any view of 4 KiB holds (and than any Java array)
            stream.position(100).writeByte((byte) 0xFF).writeByte((byte) 0xFF).writeByte((byte) 0xFF)
                    .writeByte((byte) 0xFF).writeByte((byte) 0x07);
            stream.position(100);
            EOFException eof = assertThrows(EOFException.class, stream::readString);
            assertEquals(100, stream.position(), eof.getMessage());
            stream.position(4000).writeByte((byte) 0x80).writeByte((byte) 0x01); // 128 bytes, 94 left
            stream.position(4000);
            assertThrows(EOFException.class, stream::readString);
            assertEquals(4000, stream.position());
        }
    }
}
