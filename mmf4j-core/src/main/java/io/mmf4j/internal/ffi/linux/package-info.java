/**
 * One class per C header (Fcntl, Mman, Signal, Stat, SysFile, Unistd, Futex) of the downcalls the Linux backend
 * makes, each capturing errno without allocation and throwing {@link io.mmf4j.internal.ffi.linux.ErrnoException}
 * that names the function, the errno and the subject; and {@link io.mmf4j.internal.ffi.linux.FaultGuardedCas},
 * the one piece of machine code of the library (a compare-and-set that survives a vanished page). The only package (with the rest of {@code internal.ffi}) that
 * touches {@code Linker} and {@code SymbolLookup}.
 *
 * <p>Null policy: no argument may be null.
 */
package io.mmf4j.internal.ffi.linux;
