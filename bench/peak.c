/* The machine's fp32 ceilings, measured: the fused multiply-add peak of one
 * core (independent FMA chains, as wide as the compiler targets with
 * -march=native) and the sustained memory bandwidth of a STREAM-style triad
 * over arrays far larger than the last-level cache. Prints one JSON object.
 *
 *   cc -O3 -march=native -ffp-contract=fast bench/peak.c -o peak && ./peak
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#if defined(__AVX512F__)
#define LANES 16
#elif defined(__AVX__) || defined(__ARM_NEON)
#define LANES 8
#else
#define LANES 4
#endif
#if defined(__aarch64__)
#define VECTOR_REGISTER(v) "+w"(v)
#else
#define VECTOR_REGISTER(v) "+v"(v)
#endif
/* Enough independent accumulators to cover the FMA latency on two ports;
 * fmaPeak names each of them. */
#define CHAINS 12

typedef float vec __attribute__((vector_size(LANES * sizeof(float))));

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static double fmaPeak(void) {
  vec a, b;
  for (int i = 0; i < LANES; ++i) {
    a[i] = 1.0f + 1e-7f * i;
    b[i] = 1e-7f;
  }
  /* Named variables, not an array: an array of accumulators stays in memory
   * and the loop then measures store forwarding, not the FMA units. */
  vec c0 = a, c1 = a * 2, c2 = a * 3, c3 = a * 4, c4 = a * 5, c5 = a * 6,
      c6 = a * 7, c7 = a * 8, c8 = a * 9, c9 = a * 10, c10 = a * 11,
      c11 = a * 12;
#define STEP(v)                                                                \
  v = v * a + b;                                                               \
  __asm__ volatile("" : VECTOR_REGISTER(v))
  long iterations = 20000000;
  double best = 0;
  for (int trial = 0; trial < 5; ++trial) {
    double start = now();
    for (long i = 0; i < iterations; ++i) {
      STEP(c0);
      STEP(c1);
      STEP(c2);
      STEP(c3);
      STEP(c4);
      STEP(c5);
      STEP(c6);
      STEP(c7);
      STEP(c8);
      STEP(c9);
      STEP(c10);
      STEP(c11);
    }
    double seconds = now() - start;
    double flops = 2.0 * LANES * CHAINS * iterations / seconds;
    if (flops > best)
      best = flops;
  }
#undef STEP
  vec sum = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11;
  if (sum[0] == 42.0f)
    puts("");
  return best;
}

static double triadBandwidth(void) {
  size_t n = 32u << 20; /* 3 x 128 MiB */
  float *x = malloc(n * sizeof(float)), *y = malloc(n * sizeof(float)),
        *z = malloc(n * sizeof(float));
  if (!x || !y || !z)
    return 0;
  for (size_t i = 0; i < n; ++i) {
    x[i] = 1.0f;
    y[i] = 2.0f;
    z[i] = 0.0f;
  }
  double best = 0;
  for (int trial = 0; trial < 5; ++trial) {
    double start = now();
    for (size_t i = 0; i < n; ++i)
      z[i] = x[i] + 3.0f * y[i];
    double seconds = now() - start;
    double bytes = 3.0 * n * sizeof(float) / seconds;
    if (bytes > best)
      best = bytes;
    __asm__ volatile("" : : "r"(z) : "memory");
  }
  free(x);
  free(y);
  free(z);
  return best;
}

int main(void) {
  double flops = fmaPeak();
  double bandwidth = triadBandwidth();
  printf("{\"fp32_lanes\": %d, \"fma_peak_gflops_per_core\": %.1f, "
         "\"triad_bandwidth_gbs\": %.1f}\n",
         LANES, flops / 1e9, bandwidth / 1e9);
  return 0;
}
