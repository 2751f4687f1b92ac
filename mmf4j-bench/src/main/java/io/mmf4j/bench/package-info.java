/** JMH benchmarks of mmf4j against its peers and the raw FFM baseline, and the cross-process latency harness. */
package io.mmf4j.bench;
