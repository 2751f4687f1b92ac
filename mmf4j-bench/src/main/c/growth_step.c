// One growth step of a file mapped at a fixed address, with nothing around the syscalls: a batch is 63 steps of
// 1 MiB from a new 1 MiB file (made, mapped, and afterwards unmapped and deleted outside the timing). Each step:
//   mremap: fallocate(fd, 0, size, 1 MiB) + mremap(base, size, size + 1 MiB, 0)   (grown in place: the 64 MiB
//           after the base were reserved, then freed, before the batch)
//   fixed:  fallocate(fd, 0, size, 1 MiB) + mmap(base + size, 1 MiB, MAP_SHARED | MAP_FIXED, fd, size) into a
//           PROT_NONE reservation (growth by mapping into a reservation, for comparison)
// (mmf4j's own step is fallocate(KEEP_SIZE) + a 1-byte fallocate that raises the size: its growing view maps the
// file over the whole reservation up front, so a step needs no mapping call.)
// Usage: growth_step mremap|fixed BATCHES DIR   prints the mean batch time over BATCHES after BATCHES/10 warm-up
// (the mean, as JMH's single-shot score of GrowthStepBench is), then the median.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
#define STEP (1ul << 20)
#define STEPS 63
#define SPAN ((STEPS + 1) * STEP)
static int cmp(const void *a, const void *b) { double x = *(double *)a, y = *(double *)b; return (x > y) - (x < y); }
static double batch(const char *path, int fixed) {
  int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
  if (fd < 0 || fallocate(fd, 0, 0, STEP)) { perror(path); exit(1); }
  char *base = mmap(0, SPAN, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (base == MAP_FAILED) { perror("reserve"); exit(1); }
  if (!fixed) munmap(base + STEP, SPAN - STEP);
  if (mmap(base, STEP, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0) != base) { perror("mmap"); exit(1); }
  size_t size = STEP;
  double t = now();
  for (int i = 0; i < STEPS; i++) {
    if (fallocate(fd, 0, size, STEP)) { perror("fallocate"); exit(1); }
    if (fixed) {
      if (mmap(base + size, STEP, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, size) != base + size) {
        perror("mmap fixed"); exit(1);
      }
    } else if (mremap(base, size, size + STEP, 0) != base) { perror("mremap"); exit(1); }
    size += STEP;
  }
  double elapsed = now() - t;
  munmap(base, SPAN);
  close(fd);
  unlink(path);
  return elapsed;
}
int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: growth_step mremap|fixed BATCHES DIR\n"); return 2; }
  int fixed = strcmp(argv[1], "fixed") == 0, n = atoi(argv[2]);
  char path[4096]; snprintf(path, sizeof path, "%s/growth_step.%d.bin", argv[3], getpid());
  for (int i = 0; i < n / 10 + 1; i++) batch(path, fixed);
  if (n < 1) n = 1;
  double *times = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) times[i] = batch(path, fixed);
  double sum = 0;
  for (int i = 0; i < n; i++) sum += times[i];
  qsort(times, n, sizeof(double), cmp);
  printf("%d growth steps %s ns: %.0f mean, %.0f median\n", STEPS, fixed ? "fixed" : "mremap", sum / n * 1e9,
         times[n / 2] * 1e9);
  free(times);
  return 0;
}
