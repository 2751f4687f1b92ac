/**
 * The {@code mmf} command (picocli): demos, the address-space walk, and the named-object and file commands
 * ({@code ls}, {@code create}, {@code cat}, {@code write}, {@code rm}, {@code load}, {@code evict},
 * {@code residency}, {@code bench}). Uses only the exported API of {@code io.mmf4j}.
 */
package io.mmf4j.cli;
