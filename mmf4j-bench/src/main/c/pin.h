// Pins the calling process to one of the two CPUs the benchmark harness names in MMF4J_BENCH_CPUS ("a,b"):
// which = 0 takes a, 1 takes b. Cross-process programs call pin(0) in the parent and pin(1) in the child after
// fork(), so the two sides never share a CPU (and never migrate between rounds). Without the variable: no pinning.
#ifndef MMF4J_PIN_H
#define MMF4J_PIN_H
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
static void pin(int which) {
  const char *e = getenv("MMF4J_BENCH_CPUS"); int a, b;
  if (!e || sscanf(e, "%d,%d", &a, &b) != 2) return;
  cpu_set_t s; CPU_ZERO(&s); CPU_SET(which ? b : a, &s);
  if (sched_setaffinity(0, sizeof s, &s) != 0) perror("sched_setaffinity");
}
#endif
