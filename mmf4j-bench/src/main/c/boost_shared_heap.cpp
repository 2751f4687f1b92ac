// The Boost.Interprocess peer of mmf4j's SharedHeap (io.mmf4j.bench.sharedheap): managed_shared_memory, whose default
// allocator is rbtree_best_fit under one interprocess mutex, and its named-object index (an rbtree, find() under
// the same mutex). Header-only: Debian's libboost-dev; compiled with g++ -O2.
//   alloc N      : uncontended allocate(64) + deallocate, median of 9 batches of N
//   find N       : find<uint64_t>("key7") among 16 named objects, median of 9 batches of N
//   contended N  : allocate(64) + deallocate while a forked second process does the same on the same segment
// Each prints "<label> ns: <median>" on one line. The segment is removed at start and at exit.
#undef _GNU_SOURCE  // g++ defines it; pin.h defines it again
#include "pin.h"
#include <boost/interprocess/managed_shared_memory.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <atomic>
#include <sys/wait.h>
#include <unistd.h>
#include <signal.h>

namespace bip = boost::interprocess;

static double now_ns() {
  return std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

template <typename F> static double median_ns(long n, F op) {
  for (long i = 0; i < n; i++) op();  // warm-up
  std::vector<double> batches;
  for (int b = 0; b < 9; b++) {
    double start = now_ns();
    for (long i = 0; i < n; i++) op();
    batches.push_back((now_ns() - start) / n);
  }
  std::sort(batches.begin(), batches.end());
  return batches[4];
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: boost_shared_heap alloc|find|contended N\n"); return 2; }
  std::string mode = argv[1];
  long n = atol(argv[2]);
  std::string name = "mmf4j-bench-boost-heap-" + std::to_string(getpid());
  bip::shared_memory_object::remove(name.c_str());
  int status = 0;
  {
    bip::managed_shared_memory segment(bip::create_only, name.c_str(), 16 << 20);
    for (int k = 0; k < 16; k++) segment.construct<uint64_t>(("key" + std::to_string(k)).c_str())(k);
    pin(0);
    if (mode == "alloc") {
      printf("alloc+free ns: %.2f\n", median_ns(n, [&] { segment.deallocate(segment.allocate(64)); }));
    } else if (mode == "find") {
      volatile uint64_t sink = 0;
      printf("find ns: %.2f\n", median_ns(n, [&] { sink += *segment.find<uint64_t>("key7").first; }));
    } else if (mode == "contended") {
      std::atomic<int> *stop = segment.construct<std::atomic<int>>("stop")(0);
      pid_t child = fork();
      if (child == 0) {
        pin(1);
        bip::managed_shared_memory other(bip::open_only, name.c_str());
        std::atomic<int> *flag = other.find<std::atomic<int>>("stop").first;
        while (flag->load(std::memory_order_relaxed) == 0) other.deallocate(other.allocate(64));
        _exit(0);
      }
      usleep(20000);
      printf("contended alloc+free ns: %.2f\n", median_ns(n, [&] { segment.deallocate(segment.allocate(64)); }));
      stop->store(1);
      waitpid(child, &status, 0);
    } else {
      fprintf(stderr, "unknown mode %s\n", mode.c_str());
      status = 2;
    }
  }
  bip::shared_memory_object::remove(name.c_str());
  return status == 0 ? 0 : 1;
}
