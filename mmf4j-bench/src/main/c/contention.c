/* The C peers of the contention benchmark (io.mmf4j.bench.sync.ContentionBench): N processes each do WARM
 * guarded increments of a plain counter in shared memory, wait until every process is warm, then do ITERS more;
 * prints the nanoseconds per increment (the time from the common start to the last process's end, over every
 * process's ITERS) and those milliseconds, and checks the total.
 *   contention mutex|sem PROCESSES WARM ITERS
 * mutex: pthread_mutex_t, PTHREAD_PROCESS_SHARED + PTHREAD_MUTEX_ROBUST (EOWNERDEAD handled as the lock taken).
 * sem:   sem_t, process-shared, initial 1: sem_wait / increment / sem_post. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct shared {
    pthread_mutex_t mutex;
    sem_t sem;
    _Atomic int ready;
    _Atomic int go;
    _Atomic uint64_t start;
    _Atomic uint64_t end[64];
    char pad[64];
    long counter;
};

static uint64_t now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t) t.tv_sec * 1000000000ull + (uint64_t) t.tv_nsec;
}

static void lock(struct shared *s, int sem) {
    if (sem) {
        while (sem_wait(&s->sem) != 0 && errno == EINTR) {}
    } else if (pthread_mutex_lock(&s->mutex) == EOWNERDEAD) {
        pthread_mutex_consistent(&s->mutex);
    }
}

static void unlock(struct shared *s, int sem) {
    if (sem) sem_post(&s->sem); else pthread_mutex_unlock(&s->mutex);
}

int main(int argc, char **argv) {
    if (argc != 5) { fprintf(stderr, "usage: contention mutex|sem PROCESSES WARM ITERS\n"); return 2; }
    int sem = strcmp(argv[1], "sem") == 0;
    int n = atoi(argv[2]);
    long warm = atol(argv[3]), iters = atol(argv[4]);
    if (n < 1 || n > 64) { fprintf(stderr, "1 to 64 processes\n"); return 2; }
    struct shared *s = mmap(0, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) { perror("mmap"); return 1; }
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&s->mutex, &attr);
    sem_init(&s->sem, 1, 1);
    for (int p = 0; p < n; p++) {
        if (fork() == 0) {
            for (long i = 0; i < warm; i++) { lock(s, sem); s->counter = s->counter + 1; unlock(s, sem); }
            atomic_fetch_add(&s->ready, 1);
            while (!atomic_load(&s->go)) usleep(100);
            for (long i = 0; i < iters; i++) { lock(s, sem); s->counter = s->counter + 1; unlock(s, sem); }
            atomic_store(&s->end[p], now());
            _exit(0);
        }
    }
    while (atomic_load(&s->ready) < n) usleep(100);
    atomic_store(&s->start, now());
    atomic_store(&s->go, 1);
    for (int p = 0; p < n; p++) wait(NULL);
    uint64_t last = 0;
    for (int p = 0; p < n; p++) if (s->end[p] > last) last = s->end[p];
    long expected = (long) n * (warm + iters);
    if (s->counter != expected) { fprintf(stderr, "lost updates: %ld of %ld\n", s->counter, expected); return 1; }
    printf("ns per increment: %.3f ms: %.3f\n", (double) (last - s->start) / ((double) n * iters), (last - s->start) / 1e6);
    return 0;
}
