package io.mmf4j.contract;

import io.mmf4j.MemoryMappedFile;
import io.mmf4j.MemoryMappedFileAccess;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** {@link MapContract} for a map of a {@code FileChannel} the map closes (runs on both backends). */
class ChannelMapContractTest extends MapContract {
    @Override
    protected MemoryMappedFile open(long capacity) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve("channel.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        return MemoryMappedFile.createFromFile(channel, null, capacity, MemoryMappedFileAccess.READ_WRITE, false);
    }
}
