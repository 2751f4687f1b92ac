/**
 * The README's scenarios as runnable programs, one {@code main} per scenario (persisted and named maps, views,
 * growth, a map handed to a child, events, virtual memory, heaps, shared heaps, queues, records). The README's Java
 * snippets are quoted from these sources, which {@code ExamplesIT} checks line by line after it runs each program;
 * {@code Examples} holds what the multi-process ones share (starting a child JVM, reading its output).
 */
package io.mmf4j.examples;
