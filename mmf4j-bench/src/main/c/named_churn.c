// Issue 20's churn floor: P processes creating and removing names in one namespace directory at once, with the
// syscalls of mmf4j's MemoryMappedFile.createNew(namespace, name, 4 KiB, READ_WRITE) + close(), as strace shows
// them on Linux, with nothing around them:
//   create:  stat the namespace directory + open(O_TMPFILE) + fchmod + fallocate(header + capacity)
//            + pwrite(the header's first 4 KiB) + flock(LOCK_SH) + linkat(/proc/self/fd/N -> name)
//   close:   flock(LOCK_EX|LOCK_NB) + open(dir) + flock(dir, LOCK_EX) + stat(name) + unlink(name) + close(dir)
//            + close(fd)
// Each process uses names of its own (the contention is the directory's and the removal lock's, as in mmf4j).
// Usage: named_churn PROCESSES MILLIS DIR   prints "churn ops/s: TOTAL" (create+close pairs per second, all
// processes together) after a warm-up of MILLIS/4 in every process; the processes start measuring together.
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static void die(const char *what) { perror(what); exit(1); }
static void once(const char *dir, const char *name) {
  struct stat st; char proc[64], header[4096];
  if (stat(dir, &st)) die("stat dir");
  int fd = open(dir, O_RDWR | O_TMPFILE | O_CLOEXEC, 0600); if (fd < 0) die("O_TMPFILE");
  if (fchmod(fd, 0600)) die("fchmod");
  if (fallocate(fd, 0, 0, 8192)) die("fallocate");
  memset(header, 0, sizeof header); memcpy(header, "MMF4JNS", 7);
  if (pwrite(fd, header, sizeof header, 0) != (ssize_t)sizeof header) die("pwrite");
  if (flock(fd, LOCK_SH)) die("flock");
  snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
  if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW)) die("linkat");
  if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
    int d = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC); if (d < 0) die("open dir");
    if (flock(d, LOCK_EX)) die("flock dir");
    if (lstat(name, &st)) die("stat name");
    if (unlink(name)) die("unlink");
    close(d);
  }
  close(fd);
}
int main(int argc, char **argv) {
  if (argc != 4) { fprintf(stderr, "usage: named_churn PROCESSES MILLIS DIR\n"); return 2; }
  int p = atoi(argv[1]); double seconds = atoi(argv[2]) / 1000.0;
  char dir[4096]; snprintf(dir, sizeof dir, "%s/named_churn.%d", argv[3], getpid());
  if (mkdir(dir, 0700)) die("mkdir");
  int go[2], results[2]; if (pipe(go) || pipe(results)) die("pipe");
  for (int i = 0; i < p; i++) {
    if (fork() == 0) {
      char name[4200]; close(go[1]);
      double end = now() + seconds / 4; int k = 0;
      while (now() < end) { snprintf(name, sizeof name, "%s/n%d-%d", dir, i, k++ % 4); once(dir, name); }
      char c; if (read(go[0], &c, 1) != 0) die("go"); // EOF: the parent closed it, all start at once
      long count = 0; end = now() + seconds;
      while (now() < end) { snprintf(name, sizeof name, "%s/n%d-%d", dir, i, k++ % 4); once(dir, name); count++; }
      if (write(results[1], &count, sizeof count) != sizeof count) die("result");
      _exit(0);
    }
  }
  close(go[0]); close(results[1]); // a child that dies ends the parent's read
  usleep((useconds_t)(seconds / 4 * 1e6) + 200000); // every process past its warm-up
  if (close(go[1])) die("close go");                 // EOF: all start at once
  long total = 0;
  for (int i = 0; i < p; i++) { long count; if (read(results[0], &count, sizeof count) != sizeof count) die("read"); total += count; }
  while (wait(NULL) > 0) {}
  rmdir(dir);
  printf("churn ops/s: %.0f (%d processes, %.1f s)\n", total / seconds, p, seconds);
  return 0;
}
