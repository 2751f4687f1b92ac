/**
 * Virtual-memory benchmarks: commit + touch + decommit and reserve + release of 1 GiB against raw FFM and the C
 * program {@code src/main/c/vm_cycle.c} ({@link io.mmf4j.bench.vm.CBaseline} compiles and runs it), and access
 * through region segments against raw segments.
 */
package io.mmf4j.bench.vm;
