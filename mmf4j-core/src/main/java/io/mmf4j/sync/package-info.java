/**
 * Named synchronisation objects shared between processes: {@link io.mmf4j.sync.NamedMutex} (a
 * {@link java.util.concurrent.locks.Lock} that reports an owner's death with
 * {@link io.mmf4j.sync.AbandonedMutexException}), {@link io.mmf4j.sync.NamedSemaphore} and
 * {@link io.mmf4j.sync.NamedEvent} — Win32's named Mutex, Semaphore and Event. They live in the same
 * {@link io.mmf4j.SharedNamespace namespaces} as named maps, under the same name and lifetime rules: a name
 * lives while any process holds an object of it, and is reclaimed when the last holder closes or dies
 * ({@link io.mmf4j.SharedNamespace#remove} takes it away sooner; holders keep using the object until they close).
 *
 * <h2>Null policy</h2>
 * Every method throws {@code NullPointerException} for a {@code null} argument. No method returns {@code null}.
 *
 * <h2>Waiting</h2>
 * A free object is taken with one atomic instruction in user space; a waiter sleeps in the kernel (a futex on
 * Linux) and is woken when the object is released or set. Waits are bounded internally to 100 ms slices, so an
 * interrupt, or the death of a mutex owner's process, is noticed within about 100 ms.
 */
package io.mmf4j.sync;
