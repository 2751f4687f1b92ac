// The C peer of io.mmf4j.bench.heap: glibc malloc+free on the same workloads as the JMH benchmarks.
//   pairs SIZE:  malloc(SIZE), write 8 bytes, free — ITER times; ns per pair.
//   random:      LIVE (default 1,000,000) live blocks at peak, sizes 16 B..4 KiB (octave 16<<e, e uniform in 0..7, then uniform
//                within the octave), random lifetimes: fill LIVE slots, then 3 LIVE times free a random slot and
//                allocate a new block into it, then free all; ns per malloc+free pair, and the fragmentation:
//                peak (mallinfo2 arena + hblkhd) over peak live bytes, sampled every 65,536 operations.
// The random numbers are splitmix64 from seed 42, as in RandomWorkload.java, so both run the same sequence.
// Usage: heap_peer pairs SIZE [rounds [iterations]] | heap_peer random [rounds [live]]
// Prints "c pairs SIZE ns: best B median M" or "c random ns: best ... peak-os/peak-live R" (ns per pair) and
// "c random run ms: best B median M" (a whole run, the JMH benchmark's operation).
#define _GNU_SOURCE
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAMPLE 65536
static long LIVE = 1000000;

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return x < y ? -1 : x > y; }
static uint64_t state;
static uint64_t next(void) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static size_t next_size(void) {
    uint64_t r = next();
    unsigned e = r & 7;
    return (16u << e) + (size_t)((r >> 3) % (16u << e));
}

static double pairs(size_t size, long iter) {
    double t = now();
    for (long i = 0; i < iter; i++) {
        char *p = malloc(size);
        memcpy(p, &i, 8);
        __asm__ volatile("" : : "r"(p) : "memory");
        free(p);
    }
    return (now() - t) * 1e9 / iter;
}

static double peak_ratio;
static double random_workload(void) {
    char **slot = malloc(LIVE * sizeof(char *));
    size_t *sizes = malloc(LIVE * sizeof(size_t));
    state = 42;
    size_t live = 0, peak_live = 0, peak_os = 0;
    double t = now();
    for (long i = 0; i < LIVE; i++) {
        size_t s = next_size();
        slot[i] = malloc(s);
        memcpy(slot[i], &i, 8);
        sizes[i] = s;
        live += s;
    }
    for (long i = 0; i < 3 * LIVE; i++) {
        if ((i & (SAMPLE - 1)) == 0) {
            struct mallinfo2 m = mallinfo2();
            if (m.arena + m.hblkhd > peak_os) peak_os = m.arena + m.hblkhd;
            if (live > peak_live) peak_live = live;
        }
        long at = (long)(next() % LIVE);
        free(slot[at]);
        live -= sizes[at];
        size_t s = next_size();
        slot[at] = malloc(s);
        memcpy(slot[at], &i, 8);
        sizes[at] = s;
        live += s;
    }
    for (long i = 0; i < LIVE; i++) free(slot[i]);
    double ns = (now() - t) * 1e9 / (4 * LIVE);
    peak_ratio = (double)peak_os / peak_live;
    free(slot);
    free(sizes);
    malloc_trim(0);
    return ns;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: heap_peer pairs SIZE [rounds] | random [rounds]\n"); return 2; }
    int is_pairs = strcmp(argv[1], "pairs") == 0;
    size_t size = is_pairs && argc > 2 ? (size_t)atol(argv[2]) : 0;
    int rounds = argc > (is_pairs ? 3 : 2) ? atoi(argv[is_pairs ? 3 : 2]) : 5;
    long extra = argc > (is_pairs ? 4 : 3) ? atol(argv[is_pairs ? 4 : 3]) : 0;
    long iter = is_pairs && extra > 0 ? extra : 20000000;
    if (!is_pairs && extra > 0) LIVE = extra;
    double *ns = malloc(rounds * sizeof(double));
    for (int r = 0; r < rounds; r++) ns[r] = is_pairs ? pairs(size, iter) : random_workload();
    qsort(ns, rounds, sizeof(double), cmp);
    if (is_pairs) {
        printf("c pairs %zu ns: best %.2f median %.2f\n", size, ns[0], ns[rounds / 2]);
    } else {
        printf("c random ns: best %.2f median %.2f peak-os/peak-live %.3f\n", ns[0], ns[rounds / 2], peak_ratio);
        printf("c random run ms: best %.3f median %.3f\n", ns[0] * 4 * LIVE / 1e6, ns[rounds / 2] * 4 * LIVE / 1e6);
    }
    return 0;
}
