package io.mmf4j.internal.platform;

/** How a file is opened. */
public enum FileAccess {
    READ,
    READ_WRITE
}
