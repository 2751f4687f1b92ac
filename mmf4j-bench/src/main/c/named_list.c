// Issue 20's listing floor: the system calls mmf4j's SharedNamespace.list() makes for a namespace of N live objects,
// with nothing around them: one reading of /proc/locks (the holder counts), getdents64 of the directory, and per
// entry openat(O_RDONLY|O_NOFOLLOW|O_NONBLOCK) + fstat + pread(512 bytes: the header's fixed fields and name) +
// close. It first makes N files of 8 KiB in DIR/named_list.PID, each held by a shared flock as a holder holds an
// object, then times ROUNDS passes and prints the median, and removes its files.
// Usage: named_list N ROUNDS DIR   prints "list ms: MEDIAN (N entries)".
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec * 1e-6; }
static void die(const char *what) { perror(what); exit(1); }
static int by_value(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }
static char locks[1 << 24];
int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: named_list N ROUNDS DIR\n"); return 2; }
  int n = atoi(argv[1]), rounds = atoi(argv[2]);
  char dir[4096], path[4200], page[4096], buf[512];
  snprintf(dir, sizeof dir, "%s/named_list.%d", argv[3], getpid());
  if (mkdir(dir, 0700)) die("mkdir");
  int *held = malloc(sizeof(int) * n); memset(page, 1, sizeof page);
  for (int i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/n%064d", dir, i);
    held[i] = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (held[i] < 0 || pwrite(held[i], page, sizeof page, 0) != (ssize_t)sizeof page || ftruncate(held[i], 8192)
        || flock(held[i], LOCK_SH)) die("make");
  }
  double *ms = malloc(sizeof(double) * rounds);
  for (int r = 0; r < rounds; r++) {
    double start = now();
    int lf = open("/proc/locks", O_RDONLY | O_CLOEXEC); if (lf < 0) die("/proc/locks");
    long total = 0, k; while ((k = read(lf, locks + total, sizeof locks - total)) > 0) total += k;
    close(lf);
    int d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC); if (d < 0) die("open dir");
    DIR *listing = fdopendir(d); struct dirent *e; int seen = 0;
    while ((e = readdir(listing))) {
      if (e->d_name[0] != 'n') continue;
      int fd = openat(d, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY); if (fd < 0) continue;
      struct stat st;
      if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && pread(fd, buf, sizeof buf, 0) > 0) seen++;
      close(fd);
    }
    closedir(listing);
    ms[r] = now() - start;
    if (seen != n) { fprintf(stderr, "saw %d of %d\n", seen, n); return 1; }
  }
  for (int i = 0; i < n; i++) { snprintf(path, sizeof path, "%s/n%064d", dir, i); unlink(path); close(held[i]); }
  rmdir(dir);
  qsort(ms, rounds, sizeof *ms, by_value);
  printf("list ms: %.2f (%d entries, median of %d)\n", ms[rounds / 2], n, rounds);
  return 0;
}
