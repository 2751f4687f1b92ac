/**
 * Message queues between processes on one machine: named, in shared memory, with any number of producers and
 * consumers, waits that sleep in the kernel, and no wedged queue when a party dies.
 *
 * <h2>Null policy</h2>
 * Every method throws {@code NullPointerException} for a {@code null} argument. {@code tryReceive} and a timed
 * {@code receive} return {@code null} when no message came; no other method returns {@code null}.
 */
package io.mmf4j.ipc;
