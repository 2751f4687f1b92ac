package io.mmf4j.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A view stream as a {@code java.io} stream, sharing its position: {@link #input} reads to the end of the view
 * (-1 there), {@link #output} writes to it and reports a full view as an {@code IOException}, as
 * {@code OutputStream} callers expect. Not thread-safe, as the view stream is not.
 */
final class ViewStreamAdapters {
    private ViewStreamAdapters() {}

    static InputStream input(ViewStreamImpl stream) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return stream.readByteOrEnd();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                return stream.readAtMost(bytes, offset, length);
            }

            @Override
            public long skip(long n) throws IOException {
                return stream.skipAtMost(n);
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(Integer.MAX_VALUE, stream.remaining());
            }
        };
    }

    static OutputStream output(ViewStreamImpl stream) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                stream.writeByteOrFail((byte) b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                Objects.checkFromIndexSize(offset, length, bytes.length);
                stream.writeExactly(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                stream.flush();
            }
        };
    }
}
