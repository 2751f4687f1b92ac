package io.mmf4j;

/**
 * How {@link MemoryMappedFile#createFromFile(java.nio.file.Path, FileMode) createFromFile} treats the
 * file on disk, as .NET's {@code FileMode}. {@link #TRUNCATE} and {@link #APPEND} have no meaning for
 * a mapping and are refused with {@code IllegalArgumentException}, as .NET refuses them.
 */
public enum FileMode {
    /** Creates the file; {@code FileAlreadyExistsException} if it exists. */
    CREATE_NEW,
    /**
     * Creates the file, or truncates it to zero length if it exists; refused ({@code FileSystemException}) when
     * live mmf4j maps of any process have the file mapped, as Windows refuses CREATE_ALWAYS on a mapped file.
     */
    CREATE,
    /** Opens the file; {@code NoSuchFileException} if it does not exist. */
    OPEN,
    /** Opens the file, creating it if it does not exist. */
    OPEN_OR_CREATE,
    /** Refused: a mapping cannot truncate. */
    TRUNCATE,
    /** Refused: a mapping cannot append. */
    APPEND
}
