package io.mmf4j.internal.platform;

/** What opening does when the file exists or not. */
public enum FileCreation {
    /** The file must exist. */
    OPEN_EXISTING,
    /** The file must not exist; it is created. */
    CREATE_NEW,
    /** Opened if it exists, created otherwise. */
    OPEN_OR_CREATE,
    /** Created if missing, truncated to zero length if it exists. */
    CREATE_OR_TRUNCATE
}
