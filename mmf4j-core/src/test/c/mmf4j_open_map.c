/*
 * mmf4j_open_map: opens a named map that a Java process created with mmf4j, by its name, from C — following
 * docs/SHARED-LAYOUT.md (layout version 1) and nothing else. It becomes a holder (a shared flock on the object's
 * file), checks the header (magic, version, kind, state, name, sizes: the file is untrusted input), prints the
 * first bytes of the map, writes its own text at an offset, then holds the map until stdin closes. On leaving it
 * does what a last holder does: takes the file exclusively, and if it can, unlinks the name under the namespace's
 * removal lock when the name still names this file.
 *
 *   mmf4j_open_map NAMESPACE_DIR NAME READ_LENGTH WRITE_OFFSET WRITE_TEXT
 *
 * Exit codes: 0 done; 2 usage; 3 a header this program does not understand (wrong magic or version); 4 not a map,
 * not ready, or inconsistent; 5 an OS call failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the layout (docs/SHARED-LAYOUT.md, version 1) ---- */
#define MAGIC 0x01534E4A46344D4DULL  /* "MMF4JNS\1" little-endian */
#define LAYOUT_VERSION 1
#define KIND_MAP 1
#define STATE_READY 1
#define MAGIC_OFFSET 0
#define VERSION_OFFSET 8
#define KIND_OFFSET 12
#define STATE_OFFSET 16
#define CAPACITY_OFFSET 24
#define HEADER_SIZE_OFFSET 32
#define NAME_LENGTH_OFFSET 52
#define NAME_OFFSET 128
#define FIXED_HEADER 128

/* ---- SHA-256 (FIPS 180-4), for the file name: "n" + hex(SHA-256(UTF-16LE of the name)) ---- */
static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const uint8_t *p) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4 * i] << 24 | p[4 * i + 1] << 16 | p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = k + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += k;
}

static void sha256(const uint8_t *data, size_t n, uint8_t out[32]) {
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t i = 0;
    for (; i + 64 <= n; i += 64) sha256_block(h, data + i);
    uint8_t last[128] = {0};
    size_t rest = n - i;
    memcpy(last, data + i, rest);
    last[rest] = 0x80;
    size_t blocks = rest + 9 > 64 ? 2 : 1;
    uint64_t bits = (uint64_t)n * 8;
    for (int j = 0; j < 8; j++) last[blocks * 64 - 1 - j] = (uint8_t)(bits >> (8 * j));
    for (size_t b = 0; b < blocks; b++) sha256_block(h, last + 64 * b);
    for (int j = 0; j < 8; j++) {
        out[4 * j] = h[j] >> 24; out[4 * j + 1] = h[j] >> 16; out[4 * j + 2] = h[j] >> 8; out[4 * j + 3] = h[j];
    }
}

/* UTF-8 (what this program's argument is) to UTF-16LE code units (what the layout hashes and stores). */
static size_t utf16le(const char *s, uint8_t *out, size_t room) {
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c;
        if (*p < 0x80) c = *p++;
        else if ((*p & 0xE0) == 0xC0) { c = (*p++ & 0x1F) << 6; c |= *p++ & 0x3F; }
        else if ((*p & 0xF0) == 0xE0) { c = (*p++ & 0x0F) << 12; c |= (*p++ & 0x3F) << 6; c |= *p++ & 0x3F; }
        else { c = (*p++ & 0x07) << 18; c |= (*p++ & 0x3F) << 12; c |= (*p++ & 0x3F) << 6; c |= *p++ & 0x3F; }
        uint16_t units[2];
        int count = 1;
        if (c >= 0x10000) { c -= 0x10000; units[0] = 0xD800 | (c >> 10); units[1] = 0xDC00 | (c & 0x3FF); count = 2; }
        else units[0] = (uint16_t)c;
        for (int i = 0; i < count; i++) {
            if (n + 2 > room) return (size_t)-1;
            out[n++] = units[i] & 0xFF; out[n++] = units[i] >> 8;
        }
    }
    return n;
}

static uint64_t le64(const uint8_t *p) { uint64_t v = 0; for (int i = 7; i >= 0; i--) v = v << 8 | p[i]; return v; }
static uint32_t le32(const uint8_t *p) { return (uint32_t)p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

static int fail(int code, const char *what) {
    if (errno) fprintf(stderr, "mmf4j_open_map: %s: %s\n", what, strerror(errno));
    else fprintf(stderr, "mmf4j_open_map: %s\n", what);
    return code;
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: %s NAMESPACE_DIR NAME READ_LENGTH WRITE_OFFSET WRITE_TEXT\n", argv[0]); return 2; }
    const char *dir = argv[1], *name = argv[2], *text = argv[5];
    long read_length = atol(argv[3]), write_offset = atol(argv[4]);
    static uint8_t units[65536 * 2];
    size_t unit_bytes = utf16le(name, units, sizeof units);
    if (unit_bytes == (size_t)-1 || unit_bytes == 0) return fail(2, "the name is empty or too long");
    uint8_t digest[32];
    sha256(units, unit_bytes, digest);
    char path[4096];
    int at = snprintf(path, sizeof path, "%s/n", dir);
    for (int i = 0; i < 32; i++) at += snprintf(path + at, sizeof path - at, "%02x", digest[i]);

    int fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return fail(5, path);
    if (flock(fd, LOCK_SH) != 0) return fail(5, "flock(LOCK_SH): becoming a holder");
    struct stat st;
    if (fstat(fd, &st) != 0) return fail(5, "fstat");
    if (st.st_size < FIXED_HEADER) { errno = 0; return fail(4, "the file is shorter than a header"); }
    uint8_t head[FIXED_HEADER];
    if (pread(fd, head, sizeof head, 0) != (ssize_t)sizeof head) return fail(5, "pread of the header");
    if (le64(head + MAGIC_OFFSET) != MAGIC) { errno = 0; return fail(3, "not an mmf4j named object (magic)"); }
    uint32_t version = le32(head + VERSION_OFFSET);
    if (version != LAYOUT_VERSION) {
        errno = 0;
        fprintf(stderr, "mmf4j_open_map: layout version %u; this program reads version %d\n", version, LAYOUT_VERSION);
        return 3;
    }
    errno = 0;
    if (le32(head + KIND_OFFSET) != KIND_MAP) return fail(4, "the object is not a map");
    if (le32(head + STATE_OFFSET) != STATE_READY) return fail(4, "the object is not ready");
    uint64_t capacity = le64(head + CAPACITY_OFFSET), header_size = le64(head + HEADER_SIZE_OFFSET);
    uint32_t name_length = le32(head + NAME_LENGTH_OFFSET);
    long page = sysconf(_SC_PAGESIZE);
    if (header_size < FIXED_HEADER || header_size % page != 0 || header_size > (uint64_t)st.st_size
            || capacity > (uint64_t)st.st_size - header_size || NAME_OFFSET + 2ULL * name_length > header_size)
        return fail(4, "the header's sizes do not fit the file");
    uint8_t *stored = malloc(2ULL * name_length + 1);
    if (pread(fd, stored, 2ULL * name_length, NAME_OFFSET) != (ssize_t)(2ULL * name_length)) return fail(5, "pread of the name");
    if (2ULL * name_length != unit_bytes || memcmp(stored, units, unit_bytes) != 0) return fail(4, "the header names another object");
    free(stored);

    uint8_t *map = mmap(NULL, capacity, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)header_size);
    if (map == MAP_FAILED) return fail(5, "mmap of the payload");
    if (read_length < 0 || (uint64_t)read_length > capacity) read_length = (long)capacity;
    printf("read: %.*s\n", (int)strnlen((const char *)map, (size_t)read_length), (const char *)map);
    size_t n = strlen(text);
    if (write_offset < 0 || (uint64_t)write_offset + n > capacity) return fail(4, "the text does not fit the map");
    memcpy(map + write_offset, text, n);
    printf("wrote %zu bytes at %ld; holding until stdin closes\n", n, write_offset);
    fflush(stdout);
    char sink[256];
    while (read(0, sink, sizeof sink) > 0) {}
    munmap(map, capacity);

    /* the last holder's duty: no holder left (an exclusive lock is free) -> unlink the name if it is still ours */
    int unlinked = 0;
    if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
        int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dfd >= 0 && flock(dfd, LOCK_EX) == 0) {
            struct stat named;
            if (stat(path, &named) == 0 && named.st_dev == st.st_dev && named.st_ino == st.st_ino && unlink(path) == 0)
                unlinked = 1;
            close(dfd);
        }
    }
    close(fd);
    printf("released%s\n", unlinked ? "; it was the last holder and removed the name" : "");
    return 0;
}
