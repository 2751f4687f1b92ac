package io.mmf4j.internal;

import io.mmf4j.internal.platform.MapAccess;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;

/**
 * Views mapped from a caller's {@link FileChannel}. A channel does not reveal its descriptor, so these views
 * are mapped by the JDK ({@link FileChannel#map(FileChannel.MapMode, long, long, Arena)}); execute access is
 * therefore not available here. The channel is closed after the last holder unless the caller keeps it.
 */
final class ChannelSource extends MappingSource {
    private final FileChannel channel;
    private final boolean leaveOpen;

    ChannelSource(FileChannel channel, boolean leaveOpen) {
        this.channel = channel;
        this.leaveOpen = leaveOpen;
    }

    @Override
    protected MemorySegment map(long pageOffset, long length, MapAccess access, Arena arena) throws IOException {
        FileChannel.MapMode mode = switch (access) {
            case READ -> FileChannel.MapMode.READ_ONLY;
            case READ_WRITE -> FileChannel.MapMode.READ_WRITE;
            case COPY_ON_WRITE -> FileChannel.MapMode.PRIVATE;
            case READ_EXECUTE, READ_WRITE_EXECUTE -> throw new UnsupportedOperationException(
                    "execute access needs a map made from a path; a FileChannel cannot map for execution");
        };
        try {
            return channel.map(mode, pageOffset, length, arena);
        } catch (NonWritableChannelException e) {
            AccessDeniedException denied = new AccessDeniedException(describe(), null, "the channel was not opened for writing");
            denied.initCause(e);
            throw denied;
        }
    }

    @Override
    protected FileWindow fileWindow(MapAccess access) {
        throw new UnsupportedOperationException("a map made from a FileChannel cannot place views (at an address, in"
                + " a region, growing): the channel does not reveal its file descriptor; make the map from the Path");
    }

    @Override
    protected void flush(MemorySegment mapping) throws IOException {
        mapping.force();
        channel.force(true);
    }

    @Override
    protected void release() throws IOException {
        if (!leaveOpen) {
            channel.close();
        }
    }

    @Override
    public String describe() {
        return "file channel " + channel;
    }
}
