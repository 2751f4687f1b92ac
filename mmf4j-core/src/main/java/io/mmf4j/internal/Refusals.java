package io.mmf4j.internal;

import java.nio.BufferOverflowException;
import java.nio.ReadOnlyBufferException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;

/**
 * The JDK exceptions that views throw, with a message saying what was refused and why. The JDK types have no
 * constructor that takes a message, so each is a small subclass; callers catch the public JDK type. Immutable.
 */
final class Refusals {
    private Refusals() {}

    static ReadOnlyBufferException readOnly(String message) {
        return new ReadOnly(message);
    }

    static BufferOverflowException overflow(String message) {
        return new Overflow(message);
    }

    static NonWritableChannelException nonWritable(String message) {
        return new NonWritable(message);
    }

    static NonReadableChannelException nonReadable(String message) {
        return new NonReadable(message);
    }

    static ClosedChannelException closed(String message) {
        return new Closed(message);
    }

    private static final class ReadOnly extends ReadOnlyBufferException {
        private static final long serialVersionUID = 1L;
        private final String message;

        ReadOnly(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final class Overflow extends BufferOverflowException {
        private static final long serialVersionUID = 1L;
        private final String message;

        Overflow(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final class NonWritable extends NonWritableChannelException {
        private static final long serialVersionUID = 1L;
        private final String message;

        NonWritable(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final class NonReadable extends NonReadableChannelException {
        private static final long serialVersionUID = 1L;
        private final String message;

        NonReadable(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static final class Closed extends ClosedChannelException {
        private static final long serialVersionUID = 1L;
        private final String message;

        Closed(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }
}
