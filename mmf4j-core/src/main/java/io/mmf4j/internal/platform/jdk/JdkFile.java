package io.mmf4j.internal.platform.jdk;

import io.mmf4j.internal.platform.FileIdentity;
import io.mmf4j.internal.platform.OsFile;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * An open regular file of the portable backend: a {@link FileChannel}. Thread-safe (positional reads and
 * writes only); close is idempotent.
 */
final class JdkFile implements OsFile {
    private final FileChannel channel;
    private final String path;
    private final boolean created;
    private final boolean writable;
    private final String why;

    JdkFile(FileChannel channel, String path, boolean created, boolean writable, String why) {
        this.channel = channel;
        this.path = path;
        this.created = created;
        this.writable = writable;
        this.why = why;
    }

    /** The portable file behind {@code file}: this backend maps only the files it opened itself. */
    static JdkFile of(OsFile file) {
        if (file instanceof JdkFile jdk) {
            return jdk;
        }
        throw new IllegalArgumentException(file + " was not opened by the jdk backend");
    }

    FileChannel channel() {
        return channel;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public boolean created() {
        return created;
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void setLength(long length) throws IOException {
        long size = channel.size();
        if (length < size) {
            channel.truncate(length);
        } else if (length > size) {
            // one zero byte at the new end: the file grows, the bytes between read as zero (sparse where possible)
            if (channel.write(ByteBuffer.allocate(1), length - 1) != 1) {
                throw new IOException(path + ": could not grow to " + length + " bytes");
            }
        }
    }

    /** java.nio cannot reserve storage: the range is only extended, so this returns false. */
    @Override
    public boolean allocate(long offset, long length) throws IOException {
        if (channel.size() < offset + length) {
            setLength(offset + length);
        }
        return false;
    }

    /** A hint java.nio cannot give: nothing happens, and the contents are unchanged as promised. */
    @Override
    public void dropCache(long offset, long length) {
        // no portable way to drop cached pages; the hint is allowed to do nothing
    }

    @Override
    public long read(long offset, MemorySegment buffer) throws IOException {
        ByteBuffer bytes = buffer.asByteBuffer();
        long done = 0;
        while (bytes.hasRemaining()) {
            int n = channel.read(bytes, offset + done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        return done;
    }

    @Override
    public void write(long offset, MemorySegment buffer) throws IOException {
        ByteBuffer bytes = buffer.asByteBuffer();
        long done = 0;
        while (bytes.hasRemaining()) {
            done += channel.write(bytes, offset + done);
        }
    }

    @Override
    public void sync() throws IOException {
        channel.force(true); // java.nio has no fdatasync: content and metadata, the size among them
    }

    @Override
    public boolean growTo(long from, long size, boolean reserve) {
        return false; // a FileChannel cannot reserve without changing the size: growth takes the lock
    }

    /** Growth within this JVM is serialised here; {@link FileChannel#lock} serialises it with other processes. */
    private static final java.util.concurrent.locks.ReentrantLock GROWTH = new java.util.concurrent.locks.ReentrantLock();

    @Override
    public java.io.Closeable lockGrowth() throws IOException {
        GROWTH.lock();
        try {
            java.nio.channels.FileLock lock = channel.lock(1L << 62, 1, !writable); // past any data, as on Linux
            return () -> {
                try {
                    lock.release();
                } finally {
                    GROWTH.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            GROWTH.unlock();
            throw e;
        }
    }

    @Override
    public FileIdentity identity() {
        throw JdkPlatform.unsupported("file identities (named persisted maps, maps passed to a child)", why);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return path;
    }
}
