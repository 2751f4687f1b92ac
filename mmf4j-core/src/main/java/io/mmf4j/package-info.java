/**
 * Memory-mapped files in the shape of .NET's {@code System.IO.MemoryMappedFiles}: maps backed by a file
 * ({@link io.mmf4j.MemoryMappedFile#createFromFile(java.nio.file.Path) createFromFile}) or by memory and a
 * name, and views of them for random access ({@link io.mmf4j.MemoryMappedViewAccessor}) and for streaming
 * ({@link io.mmf4j.MemoryMappedViewStream}).
 *
 * <h2>Null policy</h2>
 * Every method throws {@code NullPointerException} for a {@code null} argument, except where its
 * documentation says {@code null} is allowed (a map name, which makes the map anonymous).
 * No method returns {@code null}: absent values are {@code Optional}.
 *
 * <h2>Native access</h2>
 * The library calls the C library through the Foreign Function &amp; Memory API. Run with
 * {@code --enable-native-access=io.mmf4j} on the module path (or {@code ALL-UNNAMED} on the class path).
 */
package io.mmf4j;
