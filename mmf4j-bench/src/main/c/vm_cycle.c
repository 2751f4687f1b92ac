// The C baseline for io.mmf4j.bench.vm: the same syscalls mmf4j's Linux virtual memory makes, with nothing around
// them. Modelled on ../shared/limits/faults.c.
//   commit+touch+decommit: 1 GiB reserved (PROT_NONE, MAP_NORESERVE); per 64 KiB step mmap MAP_FIXED read-write,
//                          write one byte per page, mmap MAP_FIXED PROT_NONE|MAP_NORESERVE over it again.
//   reserve+release:       mmap 1 GiB PROT_NONE|MAP_NORESERVE, munmap it.
// Usage: vm_cycle [rounds]   (prints ms per GiB cycle and us per reserve+release, median and best of rounds)
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>

#define GIB (1ul << 30)
#define STEP (64ul << 10)
#define PAGE 4096ul

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 10;
    double *cycle = malloc(rounds * sizeof(double)), *reserve = malloc(rounds * sizeof(double));
    char *base = mmap(0, GIB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (base == MAP_FAILED) { perror("reserve"); return 1; }
    for (int r = 0; r < rounds; r++) {
        double t = now();
        for (size_t off = 0; off < GIB; off += STEP) {
            char *p = mmap(base + off, STEP, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (p == MAP_FAILED) { perror("commit"); return 1; }
            for (size_t i = 0; i < STEP; i += PAGE) p[i] = 1;
            if (mmap(p, STEP, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0) == MAP_FAILED) {
                perror("decommit"); return 1;
            }
        }
        cycle[r] = (now() - t) * 1e3;
        int n = 2000;
        t = now();
        for (int i = 0; i < n; i++) {
            void *q = mmap(0, GIB, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
            if (q == MAP_FAILED) { perror("reserve"); return 1; }
            munmap(q, GIB);
        }
        reserve[r] = (now() - t) * 1e6 / n;
    }
    munmap(base, GIB);
    qsort(cycle, rounds, sizeof(double), cmp);
    qsort(reserve, rounds, sizeof(double), cmp);
    printf("c commit+touch+decommit 1GiB/64KiB ms: median %.2f best %.2f\n", cycle[rounds / 2], cycle[0]);
    printf("c reserve+release 1GiB us: median %.2f best %.2f\n", reserve[rounds / 2], reserve[0]);
    return 0;
}
