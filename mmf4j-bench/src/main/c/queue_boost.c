// Runs the Boost message_queue round trip of queue_boost.hpp (C++): compiles it with g++ the first time, next to
// this program, installing Debian's header-only libboost-dev with apt-get when the headers are missing (as root;
// it says so on stderr), then runs it with this program's arguments. The harness compiles only C, hence this step.
// Usage: queue_boost [rounds]
#if 0
#include "queue_boost.hpp"
#include "pin.h"
#endif
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libgen.h>
#include <limits.h>
int main(int argc, char **argv) {
    char self[PATH_MAX], dir[PATH_MAX], cmd[4 * PATH_MAX];
    if (!realpath(argv[0], self)) { perror("realpath"); return 1; }
    strcpy(dir, self);
    dirname(dir);
    char binary[PATH_MAX + 32];
    snprintf(binary, sizeof binary, "%s/queue_boost_cpp", dir);
    if (access(binary, X_OK) != 0) {
        if (access("/usr/include/boost/interprocess/ipc/message_queue.hpp", R_OK) != 0) {
            fprintf(stderr, "queue_boost: Boost headers missing; installing libboost-dev with apt-get\n");
            if (system("apt-get install -y -q libboost-dev >&2") != 0) {
                fprintf(stderr, "queue_boost: could not install libboost-dev (needs root and apt-get)\n");
                return 1;
            }
        }
        snprintf(cmd, sizeof cmd, "g++ -O2 -x c++ -I'%s' -o '%s' '%s/queue_boost.hpp' -lrt -pthread", dir, binary, dir);
        if (system(cmd) != 0) { fprintf(stderr, "queue_boost: g++ failed: %s\n", cmd); return 1; }
    }
    argv[0] = binary;
    execv(binary, argv);
    perror("execv");
    return 1;
}
