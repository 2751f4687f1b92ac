/**
 * Virtual memory in the Windows model: reserve address space, commit memory to parts of it, protect, query,
 * decommit and release — VirtualAlloc, VirtualProtect, VirtualQuery and VirtualFree — made safe for the JVM:
 * memory is reached only through {@link io.mmf4j.vm.Region#segment(long, long) segments} that the region
 * invalidates before their pages change, so no sequence of calls can make the JVM fault. Also
 * {@link io.mmf4j.vm.VirtualMemory#walk() a walk} of a process's address space.
 *
 * <h2>Null policy</h2>
 * Every method throws {@code NullPointerException} for a {@code null} argument ({@code equals} answers
 * {@code false}, as its contract says). No method returns {@code null}:
 * absent values are {@code Optional} or {@code OptionalLong}.
 */
package io.mmf4j.vm;
