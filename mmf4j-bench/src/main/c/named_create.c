// The syscalls of mmf4j's MemoryMappedFile.createNew(namespace, name, 1 MiB, READ_WRITE) + createViewAccessor() +
// one byte written + close (view, then map), as strace shows them on Linux, with nothing around them:
//   ready:   stat the namespace directory (twice: exists, is a directory)
//   sweep:   list the directory (open, getdents until empty, close)
//   create:  open(O_TMPFILE) + fchmod + fallocate(header + capacity) [delayed: fallocate(header) + ftruncate]
//            + pwrite(header page) + flock(LOCK_SH) + linkat(/proc/self/fd/N -> name)
//   view:    mmap(1 MiB, shared, at the header page's end) + one byte written at 4096
//   close:   msync(MS_SYNC) + flock(LOCK_EX|LOCK_NB) + open(dir) + flock(dir, LOCK_EX) + stat(name) + fstat(fd)
//            + unlink(name) + close(dir) + close(fd) + munmap
// Usage: named_create commit|delayed ITERATIONS DIR   prints the mean over ITERATIONS after ITERATIONS/10 warm-up.
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
#define CAP (1ul << 20)
#define PAGE 4096ul
static void die(const char *what) { perror(what); exit(1); }
static void once(const char *dir, int delayed) {
  struct stat st; char name[4096], proc[64], header[PAGE], buf[32768];
  if (stat(dir, &st) || stat(dir, &st)) die("stat dir");
  int d = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC); if (d < 0) die("open dir");
  while (syscall(SYS_getdents64, d, buf, sizeof buf) > 0) {}
  close(d);
  int fd = open(dir, O_RDWR | O_TMPFILE | O_CLOEXEC, 0600); if (fd < 0) die("O_TMPFILE");
  if (fchmod(fd, 0600)) die("fchmod");
  if (delayed) { if (fallocate(fd, 0, 0, PAGE) || ftruncate(fd, PAGE + CAP)) die("ftruncate"); }
  else if (fallocate(fd, 0, 0, PAGE + CAP)) die("fallocate");
  memset(header, 0, sizeof header); memcpy(header, "MM4FJNS", 7);
  if (pwrite(fd, header, PAGE, 0) != (ssize_t)PAGE) die("pwrite");
  if (flock(fd, LOCK_SH)) die("flock");
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  snprintf(name, sizeof name, "%s/nbd37000b4e85c996fa720b060b749e5442241b4ad35968dc1d740154ce78a58c", dir);
  if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW)) die("linkat");
  char *p = mmap(0, CAP, PROT_READ | PROT_WRITE, MAP_SHARED, fd, PAGE); if (p == MAP_FAILED) die("mmap");
  p[4096] = 1;
  if (msync(p, CAP, MS_SYNC)) die("msync");
  if (flock(fd, LOCK_EX | LOCK_NB)) die("flock ex");
  int dd = open(dir, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_DIRECTORY); if (dd < 0) die("open dir 2");
  if (flock(dd, LOCK_EX)) die("flock dir");
  if (stat(name, &st) || fstat(fd, &st)) die("stat name");
  if (unlink(name)) die("unlink");
  close(dd); close(fd);
  munmap(p, CAP);
}
int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: named_create commit|delayed ITERATIONS DIR\n"); return 2; }
  int delayed = strcmp(argv[1], "delayed") == 0, n = atoi(argv[2]);
  char dir[4096]; snprintf(dir, sizeof dir, "%s/named_create.%d", argv[3], getpid());
  if (mkdir(dir, 0700)) die("mkdir");
  for (int i = 0; i < n / 10 + 1; i++) once(dir, delayed);
  double t = now();
  for (int i = 0; i < n; i++) once(dir, delayed);
  printf("named createNew+view+close %s ns: %.0f\n", delayed ? "delayed" : "commit", (now() - t) * 1e9 / n);
  rmdir(dir);
  return 0;
}
