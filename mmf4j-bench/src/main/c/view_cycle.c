// The syscalls of mmf4j's view create + touch + close on a page-cached file, with nothing around them: cycling over
// the 1 MiB windows of a 64 MiB file, mmap one window (shared), read one byte of every page, then
//   read:  munmap
//   write: msync(MS_SYNC) + fdatasync + munmap   (the flush a READ_WRITE view's close makes, of a clean window)
// The file is made, filled and written back first, so every page is in the page cache and clean.
// Usage: view_cycle read|write ITERATIONS DIR   prints the mean over ITERATIONS after ITERATIONS/10 warm-up.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
#define VIEW (1ul << 20)
#define VIEWS 64
#define PAGE 4096ul
static volatile long sink;
static void once(int fd, int i, int write) {
  char *q = mmap(0, VIEW, write ? PROT_READ | PROT_WRITE : PROT_READ, MAP_SHARED, fd, (off_t)(i % VIEWS) * VIEW);
  if (q == MAP_FAILED) { perror("mmap"); exit(1); }
  long sum = 0;
  for (size_t p = 0; p < VIEW; p += PAGE) sum += q[p];
  sink += sum;
  if (write && (msync(q, VIEW, MS_SYNC) || fdatasync(fd))) { perror("flush"); exit(1); }
  munmap(q, VIEW);
}
int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: view_cycle read|write ITERATIONS DIR\n"); return 2; }
  int write = strcmp(argv[1], "write") == 0, n = atoi(argv[2]);
  char path[4096]; snprintf(path, sizeof path, "%s/view_cycle.%d.bin", argv[3], getpid());
  size_t size = VIEW * VIEWS;
  int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd < 0 || ftruncate(fd, size)) { perror(path); return 1; }
  char *all = mmap(0, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  for (size_t i = 0; i < size; i += 8) *(long *)(all + i) = (long)i * 0x9E3779B97F4A7C15L;
  msync(all, size, MS_SYNC); fsync(fd); munmap(all, size);
  for (int i = 0; i < n / 10 + 1; i++) once(fd, i, write);
  double t = now();
  for (int i = 0; i < n; i++) once(fd, i, write);
  printf("%s view create+touch+close ns: %.0f\n", write ? "writable" : "read", (now() - t) * 1e9 / n);
  close(fd); unlink(path);
  return 0;
}
