/**
 * Tests of named shared memory: create, open, grow and remove by name, lifetimes across real child JVMs (and
 * {@code kill -9}), namespaces at scale, the shared-layout specification against the descriptors, and a C program
 * that opens a Java-made map. Each test gets a namespace of its own on /dev/shm ({@link
 * io.mmf4j.named.NamespaceTestBase}, {@link io.mmf4j.named.TestNamespaces}), removed with its children after it.
 */
package io.mmf4j.named;
