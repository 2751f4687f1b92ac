// C++ (despite the name: the harness extracts it as an include of queue_boost.c, which compiles and runs it).
// Blocking round trip between two processes over two Boost.Interprocess message_queues (8-byte messages):
// the peer of mmf4j's blocking queue handoff. Header-only Boost (Debian's libboost-dev).
// Build: g++ -O2 -x c++ -o /tmp/queue_boost queue_boost.hpp -lrt -pthread     Usage: queue_boost [rounds]
#include <boost/interprocess/ipc/message_queue.hpp>
#include "pin.h"
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
using namespace boost::interprocess;
static inline uint64_t now() { timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1000000000ull + t.tv_nsec; }
int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 50000;
    long warm = n / 5;
    std::string a = "mmf4j-bench-ping-" + std::to_string(getpid()), b = "mmf4j-bench-pong-" + std::to_string(getpid());
    message_queue::remove(a.c_str());
    message_queue::remove(b.c_str());
    message_queue ping(create_only, a.c_str(), 16, 8), pong(create_only, b.c_str(), 16, 8);
    pid_t child = fork();
    if (child == 0) {
        pin(1);
        message_queue in(open_only, a.c_str()), out(open_only, b.c_str());
        uint64_t m; message_queue::size_type got; unsigned prio;
        for (long i = 0; i < warm + n; i++) { in.receive(&m, 8, got, prio); out.send(&m, 8, 0); }
        _exit(0);
    }
    pin(0);
    std::vector<uint64_t> lat(n);
    uint64_t m; message_queue::size_type got; unsigned prio;
    for (long i = 0; i < warm + n; i++) {
        m = i; uint64_t t = now();
        ping.send(&m, 8, 0);
        pong.receive(&m, 8, got, prio);
        if (i >= warm) lat[i - warm] = now() - t;
    }
    waitpid(child, 0, 0);
    message_queue::remove(a.c_str());
    message_queue::remove(b.c_str());
    std::sort(lat.begin(), lat.end());
    printf("boost message_queue rtt ns: median %lu p99 %lu\n", (unsigned long) lat[n / 2], (unsigned long) lat[n * 99 / 100]);
    return 0;
}
