/* Writes three struct pixel values to the file argv[1] (padding zeroed) and prints the struct's layout
 * as gcc sees it: "sizeof offsetof(kind) offsetof(color) ...". Used by RecordLayoutCTest. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct color { int16_t r, g, b, a; };
struct pixel {
    int8_t kind;
    struct color color;
    int32_t count;
    bool lit;
    double weight;
    uint16_t ch; /* Java's char */
    int64_t stamp;
    float f;
};

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: pixels FILE\n"); return 2; }
    struct pixel pixels[3];
    memset(pixels, 0, sizeof pixels);
    for (int i = 0; i < 3; i++) {
        pixels[i].kind = (int8_t) (-1 - i);
        pixels[i].color.r = (int16_t) (i * 10 + 1);
        pixels[i].color.g = (int16_t) -(i * 10 + 2);
        pixels[i].color.b = (int16_t) (300 + i);
        pixels[i].color.a = (int16_t) (32767 - i);
        pixels[i].count = 100000 * i - 7;
        pixels[i].lit = i % 2;
        pixels[i].weight = i + 0.25;
        pixels[i].ch = (uint16_t) (0xDF + i);
        pixels[i].stamp = (int64_t) (-(5LL << 40)) + i;
        pixels[i].f = 2.5f * i;
    }
    FILE *out = fopen(argv[1], "wb");
    if (!out || fwrite(pixels, sizeof pixels, 1, out) != 1 || fclose(out) != 0) { perror(argv[1]); return 1; }
    printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof(struct pixel), offsetof(struct pixel, kind),
           offsetof(struct pixel, color), offsetof(struct pixel, count), offsetof(struct pixel, lit),
           offsetof(struct pixel, weight), offsetof(struct pixel, ch), offsetof(struct pixel, stamp),
           offsetof(struct pixel, f));
    return 0;
}
